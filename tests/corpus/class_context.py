# Checks __enter__/__exit__: return value bound by 'as', exception info passed to __exit__, suppression.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "clean")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc)
        return self.suppress

with Ctx("a") as v:
    print("body", v)

try:
    with Ctx("b"):
        raise ValueError("oops")
except ValueError as e:
    print("caught outside", e)

with Ctx("c", suppress=True):
    raise KeyError("hidden")
print("after suppressed")

def f():
    with Ctx("ret"):
        return "returned value"
print(f())

for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class Resource:
    def __init__(self):
        self.open = False
    def __enter__(self):
        self.open = True
        return self
    def __exit__(self, *args):
        self.open = False
r = Resource()
with r as res:
    print(res is r, r.open)
print(r.open)

class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("inner")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__)
