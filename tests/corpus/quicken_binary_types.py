# One arithmetic site sees small ints, then big ints (overflow), floats, strs, a user
# class with operator overloads, and back: every quickened form must fall back exactly.

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)

    def __radd__(self, other):
        return Money(other + self.cents)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def less(a, b):
    return a < b


def mixed(n):
    total = 0
    for i in range(n):
        total += i
    return total


for i in range(30):
    add(i, i)
print(add(2**46, 2**46), add(2**62, 2**62), add(-(2**47), -(2**47)))
print(add(1.5, 2.25), add("ab", "cd"), add([1], [2]), add((1,), (2,)))
print(add(Money(5), Money(7)), add(3, Money(4)), add(Money(1), 2))
for i in range(30):
    add(i, i)
print(add(True, True), add(1, 2.5), add(2.5, 1))
for i in range(20):
    sub(i, 1)
print(sub(-(2**47), 1), sub(1.0, 0.25), sub(Money(9), Money(4)), sub({1, 2, 3}, {2}))
for i in range(20):
    mul(i, 3)
print(mul(2**30, 2**30), mul(3, "ab"), mul([0], 3), mul(1.5, 4), mul(7, 6))
for i in range(20):
    less(i, 10)
print(less(1, 2), less(1.5, 1), less("a", "b"), less(Money(1), Money(2)), less(2**70, 1))
try:
    less(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, None)
except TypeError as e:
    print("TypeError:", e)
print(mixed(10), mixed(100000))


def divide(a, b):
    return a // b, a % b


for i in range(1, 30):
    divide(100, i)
print(divide(7, -2), divide(-7, 2), divide(7.5, 2))
try:
    divide(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def fdiv(a, b):
    return a / b


for i in range(1, 30):
    fdiv(float(i), 2.0)
print(fdiv(1.0, 3.0), fdiv(1, 3))
try:
    fdiv(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
