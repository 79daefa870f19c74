# Checks more dunders: __contains__ fallback to __iter__, __len__ with bool, __reversed__, __index__ in slices, __hash__ inherited/removed.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        print("  __iter__ used")
        return iter(self.items)
b = Bag(1, 2, 3)
print(2 in b, 5 in b)

class Explicit(Bag):
    def __contains__(self, x):
        print("  __contains__ used")
        return x in self.items
print(2 in Explicit(1, 2))

class Base:
    def __eq__(self, other):
        return True
class HashAgain(Base):
    __hash__ = object.__hash__
print(Base.__hash__ is None, HashAgain.__hash__ is not None)
h = HashAgain()
print(len({h, h}))

class Ident:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
data = list(range(10))
print(data[Ident(2):Ident(8):Ident(3)], "abcdef"[Ident(1)], [0] * Ident(3))
print(bin(Ident(5)), range(Ident(3)), (1, 2, 3, 4)[Ident(-1)])

class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __iter__(self):
        yield self.a
        yield self.b
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.a, self.b)[i]
x, y = Pair(3, 4)
print(x, y, list(Pair("p", "q")), dict([Pair("k", "v")]), tuple(Pair(1, 2)))
print(sorted(Pair(9, 1)), max(Pair(2, 8)), sum(Pair(5, 6)), list(reversed(Pair(1, 2))))

class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Money) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"M{self.v}"
print({Money(1): "a", Money(1): "b"}, len({Money(2), Money(2), Money(3)}), Money(1) in [Money(1)])

class Neg:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Neg()), len(Neg()), "truthy" if Neg() else "falsy")
class Str2:
    def __str__(self):
        return "S"
    def __len__(self):
        return 7
print(str(Str2()) * len(Str2()))
