# Checks bare raise (re-raise), re-raise after handling, raise inside nested function calls, and exceptions as values.
def inner():
    raise ValueError("deep")

def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise

def outer():
    try:
        middle()
    except ValueError as e:
        print("outer caught:", e)
        return "handled"

print(outer())

def translate():
    try:
        {}["x"]
    except KeyError as e:
        err = e
    raise err
try:
    translate()
except KeyError as e:
    print("saved and raised later:", e)

def conditional(n):
    try:
        if n < 0:
            raise ValueError("negative")
        return n
    except ValueError as e:
        if "neg" in str(e):
            print("logging", e)
        raise
try:
    conditional(-1)
except ValueError as e:
    print("final", e)

errors = [ValueError("a"), TypeError("b"), KeyError("c")]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError) as e:
        print("handled", repr(e))
    except KeyError as e:
        print("key", repr(e))

try:
    raise RuntimeError("no active exception") if False else ValueError("conditional expr")
except ValueError as e:
    print(e)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

def reraise_in_nested_handler():
    try:
        raise ValueError("outer exc")
    except ValueError:
        try:
            raise TypeError("inner exc")
        except TypeError:
            pass
        raise   # re-raises ValueError
try:
    reraise_in_nested_handler()
except ValueError as e:
    print("bare raise restored:", e)
