# Membership, add and discard on sets with plain keys (small ints incl. -1/-2 whose hashes
# collide, strs, tuples of those) next to keys that are not plain (floats equal to ints,
# big ints, user objects with __eq__/__hash__, frozensets), and set subclasses.
s = {-1, -2, 0, 1, "a", (1, "b"), 2.0, 2**70, frozenset({3})}
for k in [-1, -2, 2, 2.0, 3, "a", "b", (1, "b"), (1, "c"), 2**70, 2**70 + 1, {3}, frozenset({3}), True, 1.0]:
    print(repr(k), k in s, k not in s)


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, o):
        print("K.__eq__", self.v, o)
        return self.v == o


s2 = {K(5), 7}
print(5 in s2, 7 in s2, 8 in s2)


class MySet(set):
    def __contains__(self, k):
        return "custom"


m = MySet([1, 2])
print(1 in m, 3 in m)
t = set()
for round_ in range(3):
    for i in range(-20, 20):
        t.add(i)
    for i in range(-20, 20, 2):
        t.discard(i)
    print(sorted(t)[:5], len(t), -19 in t, -20 in t, 100 in t)
fs = frozenset(range(10))
print(3 in fs, 30 in fs, "x" in fs)
try:
    [] in s
except TypeError as e:
    print(e)
cols = set()
for c in range(8):
    if c in cols or (c - 1) in cols:
        continue
    cols.add(c)
print(sorted(cols))
