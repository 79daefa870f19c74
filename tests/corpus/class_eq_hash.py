# Checks __eq__/__ne__/__hash__: equality semantics, hashability rules, use as dict/set keys.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

a, b, c = P(1, 2), P(1, 2), P(2, 1)
print(a == b, a != b, a == c, a != c, a is b)
print(a == (1, 2), a != "x")
d = {a: "first"}
d[b] = "second"
print(len(d), d[P(1, 2)])
s = {a, b, c}
print(len(s))

class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__ is None)
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {NoHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)

class Default:
    pass
x = Default()
print(x == x, x == Default(), x != Default())
print(hash(x) == hash(x))

class AlwaysEq:
    def __eq__(self, other):
        print("AlwaysEq.__eq__ called")
        return True
print(1 == AlwaysEq())
print(AlwaysEq() == 1)
print([1, 2] == [1, 2], [AlwaysEq()] == [5])

class NeOnly:
    def __eq__(self, other):
        return "eq-result"
print(NeOnly() == 1, NeOnly() != 1)

print(hash(1) == hash(1.0) == hash(True))
print({1: "a", 1.0: "b", True: "c"})
print(P(1, 2) in [P(0, 0), P(1, 2)])
print([P(3, 4)].index(P(3, 4)), [P(1, 1), P(1, 1)].count(P(1, 1)))
