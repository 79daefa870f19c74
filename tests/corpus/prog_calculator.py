# Program: tokenizer + recursive-descent parser + evaluator for arithmetic expressions, with error reporting.
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"{self.kind}:{self.value}"

def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif ch in "+-*/%()^":
            tokens.append(Token("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None))
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens, self.pos = tokens, 0
    def peek(self):
        return self.tokens[self.pos]
    def take(self):
        t = self.tokens[self.pos]
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v
    def factor(self):
        base = self.unary()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek().value == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        t = self.take()
        if t.kind == "num":
            return t.value
        if t.value == "(":
            v = self.expr()
            if self.take().value != ")":
                raise SyntaxError("expected )")
            return v
        raise SyntaxError(f"unexpected token {t!r}")

def evaluate(src):
    p = Parser(tokenize(src))
    v = p.expr()
    if p.peek().kind != "end":
        raise SyntaxError(f"trailing input at token {p.pos}")
    return v

tests = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5", "2 * (3 + 4) * 5 - 6 / 3",
         "1 +", "4 / (2 - 2)", "3 $ 4", "(1 + 2", "1 2", "--3", "2 ^ 100", "0.1 + 0.2"]
for src in tests:
    try:
        print(f"{src!r:28} = {evaluate(src)!r}")
    except (SyntaxError, ZeroDivisionError) as e:
        print(f"{src!r:28} ! {type(e).__name__}: {e}")
print(tokenize("12+(3.5*4)"))
