# Checks set algebra: union/intersection/difference/symmetric_difference, operators, in-place variants, subset tests, frozenset.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (8,)), a.intersection(range(3), [2, 3]), a.difference([1], [2]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {9} <= a)
print({1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint({7, 8}))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
print(c)
c -= {1}
c ^= {2, 3}
print(c)
d = {1, 2, 3}
d.intersection_update([2, 3, 4])
d.difference_update([3])
d.symmetric_difference_update([5, 2])
print(d)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
print(f == {1, 2, 3}, hash(f) == hash(frozenset({1, 2, 3})), {f: "frozen key"}[frozenset([1, 2, 3])])
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset(), frozenset(range(3)) & {1, 2, 5}, {frozenset({1}), frozenset({1})})
print(sorted(set(range(10)) - set(range(0, 10, 3))), sorted({x % 4 for x in range(20)}))
groups = [{1, 2, 3}, {2, 3, 4}, {3, 4, 5}]
common = set.intersection(*groups)
everything = set.union(*groups)
print(common, everything)
print(set([5, 5, 5]) == {5}, {1, 2} | set(), set() & {1}, min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}))
