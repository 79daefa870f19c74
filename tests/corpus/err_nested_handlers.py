# Fails: three-level exception chain mixing implicit context and explicit cause.
def step():
    try:
        {}["k"]
    except KeyError as e:
        try:
            int("bad")
        except ValueError:
            raise RuntimeError("step failed") from e

def describe(exc):
    parts = [f"{type(exc).__name__}({exc})"]
    if exc.__cause__ is not None:
        parts.append("cause=" + type(exc.__cause__).__name__)
    if exc.__context__ is not None:
        parts.append("context=" + type(exc.__context__).__name__)
    return " ".join(parts)

try:
    step()
except RuntimeError as e:
    print("first run:", describe(e))

try:
    step()
except RuntimeError:
    print("handling RuntimeError, then failing again")
    raise LookupError("final")
