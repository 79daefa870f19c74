# Checks unary dunders (__neg__, __pos__, __abs__, __invert__) and numeric conversion dunders (__int__, __float__, __index__, __round__).
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return Num(+self.v if self.v >= 0 else self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __invert__(self):
        return Num(~self.v)
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __round__(self, n=None):
        return Num(round(self.v, n) if n is not None else round(self.v))

n = Num(5)
print(-n, +n, abs(Num(-3)), ~n)
print(int(n), float(n), int(Num(7)))
lst = list(range(10))
print(lst[Num(3)], lst[Num(1):Num(4)])
print(hex(Num(255)), bin(Num(5)), oct(Num(8)))
print("ab" * Num(3))
print(round(Num(2)), round(Num(3), 1))
print(range(Num(4)))

print(-(-5), +(-5), ~5, ~-1, -0.0, abs(-0.0), abs(-7), abs(3.5))
print(not 0, not 5, -True, +False)

class NoIndex:
    pass
try:
    [1, 2][NoIndex()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    -NoIndex()
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(NoIndex())
except TypeError as e:
    print(type(e).__name__, e)
