# Checks implicit exception chaining via __context__, including nested handlers and re-raise.
def show(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(parts)

try:
    try:
        raise ValueError("one")
    except ValueError:
        try:
            raise TypeError("two")
        except TypeError:
            raise KeyError("three")
except KeyError as e:
    print(show(e))

try:
    try:
        raise ValueError("orig")
    except ValueError as e:
        raise
except ValueError as e:
    print("re-raised:", show(e))

try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise e
except ValueError as e:
    print("raise e:", show(e))

try:
    try:
        raise ValueError("x")
    finally:
        pass
except ValueError as e:
    print("finally no context:", show(e))

try:
    try:
        raise ValueError("in try")
    finally:
        try:
            raise IndexError("in finally")
        except IndexError as inner:
            print("inner context:", show(inner))
except ValueError as e:
    print("outer:", show(e))

def handler():
    try:
        raise OSError("disk")
    except OSError:
        return helper()
def helper():
    try:
        raise RuntimeError("helper fail")
    except RuntimeError as e:
        return show(e)
print(handler())

try:
    try:
        raise ValueError("first")
    except ValueError:
        pass
    raise TypeError("after handled")
except TypeError as e:
    print("handled-before:", show(e))
