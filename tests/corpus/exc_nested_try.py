# Checks deeply nested try blocks, exceptions propagating through multiple frames with finally cleanup.
log = []

def level3(x):
    try:
        if x == 0:
            raise ZeroDivisionError("x is zero")
        return 10 / x
    finally:
        log.append("l3-finally")

def level2(x):
    try:
        return level3(x) * 2
    except TypeError:
        log.append("l2-type")
        raise
    finally:
        log.append("l2-finally")

def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        log.append("l1-zero")
        return f"recovered: {e}"
    finally:
        log.append("l1-finally")

for x in [5, 0, "s"]:
    log.clear()
    try:
        print(repr(level1(x)))
    except TypeError as e:
        print("top-level TypeError:", e)
    print(log)

def nested():
    try:
        try:
            try:
                raise IndexError("deepest")
            except KeyError:
                print("no")
        except IndexError as e:
            print("level 2 got", e)
            raise ValueError("converted")
    except ValueError as e:
        print("level 1 got", e, "from", repr(e.__context__))
nested()

count = 0
def recurse(n):
    global count
    try:
        if n == 0:
            raise RuntimeError("bottom")
        recurse(n - 1)
    finally:
        count += 1
try:
    recurse(20)
except RuntimeError as e:
    print(e, count)
