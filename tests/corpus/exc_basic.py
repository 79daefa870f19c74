# Checks basic try/except: matching by type, tuples of types, bare except, binding with 'as', fallthrough.
def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    return "fine"

for kind in ["value", "type", "key", "index", "zero", "none"]:
    try:
        result = risky(kind)
        print(kind, "->", result)
    except ValueError as e:
        print(kind, "ValueError:", e)
    except (TypeError, KeyError) as e:
        print(kind, "TypeError/KeyError:", type(e).__name__, e)
    except Exception as e:
        print(kind, "generic:", type(e).__name__, e)

try:
    raise RuntimeError
except:
    print("bare except caught")

try:
    raise ValueError
except ValueError as e:
    print("class raised:", type(e).__name__, repr(str(e)), e.args)

try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("not here")
except KeyError as e:
    print("outer caught", e)

def first_match():
    try:
        raise ZeroDivisionError("zd")
    except ArithmeticError:
        return "ArithmeticError branch"
    except ZeroDivisionError:
        return "ZeroDivisionError branch"
print(first_match())

e_saved = None
try:
    raise ValueError("saved")
except ValueError as e:
    e_saved = e
print(repr(e_saved), e_saved.args)
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)

caught = []
for exc in [ValueError, TypeError, IndexError]:
    try:
        raise exc("msg-" + exc.__name__)
    except (ValueError, IndexError) as err:
        caught.append(str(err))
    except TypeError:
        caught.append("type")
print(caught)
