# Checks raise ... from ...: __cause__, __suppress_context__, raise from None, and implicit __context__.
class AppError(Exception):
    pass

def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError(f"cannot load {key}") from e

try:
    load("zz")
except AppError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)

try:
    try:
        int("nope")
    except ValueError:
        raise RuntimeError("hidden context") from None
except RuntimeError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("implicit")
except LookupError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(e, "<-", type(e.__cause__).__name__, e.__cause__, e.__context__)

try:
    raise ValueError("cls cause") from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, repr(e.__cause__))

try:
    raise ValueError("bad") from 5
except TypeError as e:
    print(type(e).__name__, e)

def chain_depth(e):
    n = 0
    while e is not None:
        n += 1
        e = e.__cause__ or e.__context__
    return n

try:
    try:
        try:
            raise KeyError("k")
        except KeyError as k:
            raise ValueError("v") from k
    except ValueError:
        raise TypeError("t")
except TypeError as e:
    print("chain depth", chain_depth(e))
    print(type(e).__name__, type(e.__context__).__name__, type(e.__context__.__cause__).__name__)
