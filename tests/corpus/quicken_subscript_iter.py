# Subscript and iteration sites specialized on lists/tuples/dicts/ranges that later see
# other containers, subclasses with overrides, out-of-range indexes and mutation during
# iteration.

def first(seq, i):
    return seq[i]


data = [10, 20, 30]
for i in range(30):
    first(data, i % 3)
print(first(data, -1), first((1, 2, 3), 1), first("xyz", 2), first({"a": 1}, "a"))
try:
    first(data, 3)
except IndexError as e:
    print("IndexError:", e)
try:
    first((1, 2), -3)
except IndexError as e:
    print("IndexError:", e)


class Doubling(list):
    def __getitem__(self, i):
        return 2 * list.__getitem__(self, i)


print(first(Doubling([1, 2, 3]), 2), first(data, True), first(data, slice(0, 2)))

lookup = {"a": 1, 2: "two"}
for _ in range(30):
    first(lookup, "a")
print(first(lookup, 2), first(lookup, "a"))
try:
    first(lookup, "missing")
except KeyError as e:
    print("KeyError:", e)


class Defaulting(dict):
    def __missing__(self, key):
        return "default for " + str(key)


print(first(Defaulting(), "k"), first({(1, 2): "tuple key"}, (1, 2)), first({1.0: "float"}, 1))


def total(it):
    s = 0
    for x in it:
        s += x
    return s


for _ in range(30):
    total(range(10))
print(total([1, 2, 3]), total((4, 5)), total({7: 0, 8: 0}), total(x for x in range(4)), total(range(10, 0, -3)))
print(total(range(2**50, 2**50 + 3)), total(range(2**62, 2**62 + 2)), total(iter([5, 6])))

items = [1, 2, 3]
out = []
for x in items:
    out.append(x)
    if x < 3:
        items.append(x + 10)
print(out)
it = iter([1, 2])
print(total(it), total(it))
