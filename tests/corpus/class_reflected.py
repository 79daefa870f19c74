# Checks reflected operators (__radd__ etc.), NotImplemented fallback, and subclass priority for reflection.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __add__(self, o):
        print("  N.__add__")
        if isinstance(o, N):
            return N(self.v + o.v)
        if isinstance(o, int):
            return N(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("  N.__radd__")
        return N(o + self.v)
    def __rsub__(self, o):
        return N(o - self.v)
    def __rmul__(self, o):
        return N(o * self.v)
    def __rtruediv__(self, o):
        return N(o / self.v)
    def __rpow__(self, o):
        return N(o ** self.v)
    def __rmod__(self, o):
        return N(o % self.v)
    def __rfloordiv__(self, o):
        return N(o // self.v)

print(N(1) + N(2))
print(N(1) + 5)
print(5 + N(1))
print(10 - N(3))
print(3 * N(4))
print(1 / N(4))
print(2 ** N(10))
print(17 % N(5), 17 // N(5))
print(sum([N(1), N(2), N(3)]))

class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __add__(self, o):
        return "Sub.__add__"
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Sub())
print(Sub() + Base())
print(Base() + Base())

class L:
    def __add__(self, o):
        return NotImplemented
class R:
    def __radd__(self, o):
        return "R.__radd__ got " + type(o).__name__
print(L() + R())
print([1] + [2], "a" + "b")
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
print(3 * "ab", "ab" * 3, [0] * 3, 2 * (1,))
class Str2(str):
    def __radd__(self, o):
        return "Str2.__radd__"
print("x" + Str2("y"))
