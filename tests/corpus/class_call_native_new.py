# Calls of classes constructed by a native __new__ alone (range, tuple, int, str, frozenset)
# and of their subclasses, which may add __init__, override __new__, or return other types.
print(list(range(5)), tuple([1, 2]), int("7"), str(3), frozenset([1]) == {1}, float("2.5"))
print(range(1, 10, 3), tuple(), int(), bytes(3), complex(1, 2), type(3), slice(1, 2))


class R(tuple):
    def __init__(self, *args):
        print("R.__init__", args)


print(R([1, 2]), type(R([3])).__name__)


class N(int):
    def __new__(cls, v):
        if v < 0:
            return "negative"
        return super().__new__(cls, v)

    def __init__(self, v):
        print("N.__init__", v)


print(N(3), N(-1))


class T(tuple):
    pass


t = T((1, 2))
print(t, type(t).__name__)
for i in range(3):
    if i == 1:
        T.__init__ = lambda self, *a: print("late init", a)
    print(T((i,)))


class S(str):
    def __new__(cls, x):
        return 42


print(S("a"))
try:
    range()
except TypeError as e:
    print("TypeError", e)
try:
    int("x")
except ValueError as e:
    print("ValueError", e)
print(tuple(x * x for x in range(4)), list(map(str, range(3))))
range = lambda *a: "shadowed"
print(range(3))
