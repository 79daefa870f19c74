# Checks tuples: creation, singleton syntax, immutability, count/index, comparison, hashing, unpacking, concatenation.
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t.count(2), t.index(3), t.index(2, 2))
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
print(t + (4,), t * 2, (0,) * 3, 3 in t, 9 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), (1,) == [1])
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], hash(()) == hash(()))
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.append(5)
except AttributeError as e:
    print(type(e).__name__, e)
inner = ([1], [2])
inner[0].append(10)
print(inner)
a, b, *c = t
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), sum(x for pair in nested[:1] for x in pair))
print(max((1, "b"), (1, "a")), min([(2, 1), (1, 5)]), sorted([(2, "x"), (1, "y")]))
x = 1, 2, 3
print(type(x).__name__, x)
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r).__name__)
print(t[1:3], t[::-1], tuple(reversed(t)), t[5:])
print(tuple(i * i for i in range(4)), (1, 2) + tuple([3]), () + ())
print(tuple.__name__, isinstance(t, tuple), (1, 2).__len__(), (1,) * 0)
