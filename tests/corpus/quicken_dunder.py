# Binary operators on instances of Python classes, run by the quickened BinaryDunder form,
# and every way its guards can fail: a method replaced on the class, a right operand of a
# new type, a subclass with a reflected method, NotImplemented, and exceptions inside.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class Sub(Vec):
    def __radd__(self, other):
        return "Sub.__radd__"


class Other:
    def __radd__(self, other):
        return "Other.__radd__"

    def __rmul__(self, other):
        return "Other.__rmul__"


def add(a, b):
    return a + b


def mul(a, k):
    return a * k


def div(a, k):
    return a / k


print("-- steady")
acc = Vec(0, 0)
for i in range(50):
    acc = add(acc, Vec(i, 1))
    acc = mul(acc, 1)
print(acc, mul(Vec(1, 2), 2.5), div(Vec(3, 4), 2))

print("-- right operand changes type")
print(add(Vec(1, 1), Sub(2, 2)))
print(add(Vec(1, 1), Other()))
print(mul(Vec(1, 1), Other()))
try:
    add(Vec(1, 1), 5)
except TypeError as e:
    print("TypeError", e)
try:
    mul(Vec(1, 1), "s")
except TypeError as e:
    print("TypeError", e)
try:
    mul(Vec(1, 1), Vec(2, 2))
except TypeError as e:
    print("TypeError", e)
print(mul(Vec(1, 1), True), mul(Vec(1, 1), 2 ** 70))

print("-- left operand changes type")
print(add(1, 2), add("a", "b"), add([1], [2]), mul(3, 4))
print(add(Sub(1, 1), Vec(1, 1)))

print("-- method replaced on the class")
for i in range(20):
    r = add(Vec(i, i), Vec(1, 1))
print(r)
Vec.__add__ = lambda self, other: "replaced"
print(add(Vec(1, 1), Vec(2, 2)))
del Vec.__add__
try:
    add(Vec(1, 1), Vec(2, 2))
except TypeError as e:
    print("TypeError", e)


def vec_add(self, other):
    return Vec(self.x + other.x, 0)


Vec.__add__ = vec_add
for i in range(20):
    r = add(Vec(i, i), Vec(1, 1))
print(r)

print("-- exceptions inside the method")
for i in range(20):
    r = div(Vec(i, i), 2)
print(r)
try:
    div(Vec(1, 1), 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


class Deep:
    def __init__(self, n):
        self.n = n

    def __sub__(self, other):
        if self.n == 0:
            return 0
        return (Deep(self.n - 1) - other) + 1


for i in range(10):
    r = Deep(30) - Deep(0)
print(r)


class Bad:
    def __mul__(self, other):
        return NotImplemented


for i in range(20):
    try:
        Bad() * 2
    except TypeError as e:
        r = str(e)
print(r)
print(div(Vec(9, 3), 3.0))
div(Vec(1, 2), 0)
