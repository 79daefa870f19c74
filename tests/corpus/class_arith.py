# Checks binary arithmetic dunders (__add__, __sub__, __mul__, __truediv__, __floordiv__, __mod__, __pow__, __matmul__, bitwise, shifts).
class Vec:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "Vec" + repr(self.c)
    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o):
        return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        return Vec(*(a * k for a in self.c))
    def __truediv__(self, k):
        return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return Vec(*(a // k for a in self.c))
    def __mod__(self, k):
        return Vec(*(a % k for a in self.c))
    def __pow__(self, k):
        return Vec(*(a ** k for a in self.c))
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self):
        return Vec(*(-a for a in self.c))
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return Vec(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n):
        return Vec(*(self.c[-n:] + self.c[:-n]))
    def __divmod__(self, k):
        return (self // k, self % k)

a = Vec(1, 2, 3)
b = Vec(10, 20, 30)
print(a + b)
print(b - a)
print(a * 3)
print(b / 4)
print(b // 7)
print(b % 7)
print(a ** 2)
print(a @ b)
print(-a)
print(a & b, a | b, a ^ b)
print(a << 1, a >> 1)
print(divmod(b, 7))
print(a + b * 2 - a)

try:
    a + 1
except AttributeError as e:
    print(type(e).__name__, e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __repr__(self):
        return f"Money({self.cents})"

print(Money(5) + Money(7))
try:
    Money(5) + 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    3 + Money(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Money(1) * 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    -Money(1)
except TypeError as e:
    print(type(e).__name__, e)

# Bitwise operators between floats and ints name each operand's own type.
for expr in ["2.5 & 3", "3 | 2.5", "2.5 ^ 1.5", "1 << 2.0", "2.5 >> 1", "True & 1.5"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
x = 6
try:
    x &= 0.5
except TypeError as e:
    print("x &= 0.5 ->", e)
