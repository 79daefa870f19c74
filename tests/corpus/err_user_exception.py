# Fails: uncaught user-defined exception with several args and a custom hierarchy.
class AppError(Exception):
    pass

class ParseError(AppError):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line

def parse(lines):
    result = {}
    for n, text in enumerate(lines, 1):
        if "=" not in text:
            raise ParseError(n, f"expected '=' in {text!r}")
        k, _, v = text.partition("=")
        result[k] = v
        print("ok", text)
    return result

print(parse(["x=1"]))
try:
    parse(["bad"])
except AppError as e:
    print("caught:", e.args, e.line)
parse(["a=1", "b=2", "broken"])
