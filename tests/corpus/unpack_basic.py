# Checks tuple/list unpacking in assignments, swaps, for-loops, and unpacking of various iterables.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i, j = range(2)
print(i, j)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
g1, g2, g3 = (v * 2 for v in range(3))
print(g1, g2, g3)
for idx, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(idx, name, score)
for (a1, a2), b1 in [((1, 2), 3), ((4, 5), 6)]:
    print(a1 + a2 + b1)
t = 1,
print(t, type(t).__name__)
single, = [42]
print(single)
a = b = c = [1]
print(a is b is c)
a, b = c = 5, 6
print(a, b, c)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(lst)
i = 0
i, lst[i] = 1, "x"
print(i, lst)
class O: pass
o = O()
o.a, o.b = 3, 4
print(o.a, o.b)
d = {}
d["x"], d["y"] = divmod(17, 5)
print(d)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
(a), b = 1, 2
print(a, b)
((a, b), (c, d)) = [[1, 2], "cd"]
print(a, b, c, d)
