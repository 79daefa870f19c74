# Checks exit order of multiple context managers, exceptions raised in __enter__, and exception seen by each __exit__.
class CM:
    def __init__(self, name, fail_enter=False, swallow=False):
        self.name = name
        self.fail_enter = fail_enter
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed: " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.swallow

with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)

try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        print("never")
except RuntimeError as e:
    print("caught:", e)

with CM("outer", swallow=True), CM("inner"):
    raise KeyError("x")
print("outer swallowed")

with CM("outer"), CM("inner", swallow=True):
    raise KeyError("y")
print("inner swallowed")

class ReplaceExc:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et:
            raise ValueError("replaced " + et.__name__) from ev
try:
    with ReplaceExc():
        raise IndexError("orig")
except ValueError as e:
    print(e, "| cause:", repr(e.__cause__))

def gen_with():
    with CM("in-gen"):
        yield 1
        yield 2
for v in gen_with():
    print("got", v)
