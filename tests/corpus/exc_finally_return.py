# Checks return inside try/finally: finally runs, return in finally overrides and swallows exceptions.
def a():
    try:
        return "try"
    finally:
        print("finally in a")

def b():
    try:
        return "try"
    finally:
        return "finally"

def c():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed exception"

def d():
    x = 1
    try:
        return x
    finally:
        x = 100
        print("x changed to", x)

def e():
    log = []
    try:
        log.append(1)
        return log
    finally:
        log.append(2)

def f():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("f finally", i)

def g():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")

def h():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("h finally")

def nested_override():
    try:
        try:
            raise KeyError("k")
        finally:
            return "inner finally return"
    except KeyError:
        return "never"

print(a())
print(b())
print(c())
print(d())
print(e())
print(f())
print(g())
print(h())
print(nested_override())

def count():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iter", n)
print(count())
