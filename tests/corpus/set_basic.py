# Checks set methods: add/discard/remove/pop/clear/update/copy, membership, errors; only sets of small ints are printed.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, 5 not in s)
s.add(4)
s.add(2)
print(s)
s.discard(10)
s.discard(1)
print(s)
s.remove(4)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
p = s.pop()
print(p, s)
s.update([7, 8], (9,), range(2))
print(s, sorted(s))
c = s.copy()
c.add(100)
print(len(s), len(c), c is s)
s.clear()
print(s, len(s), bool(s))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
print(set(), set([1, 1, 2, 2, 3]), set(range(5)), set((5, 4)), set({1: "a", 2: "b"}))
print({1, 2} == {2, 1}, {1, 2} == {1, 2, 3}, {1, 1.0, True}, len({0, False, 0.0}))
try:
    {[1], 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.add({2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = {1}
    one[0]
except TypeError as e:
    print(type(e).__name__, e)
seen = set()
dups = []
for n in [4, 1, 4, 2, 1, 5]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(sorted(seen), dups)
letters = set("hello")
print(sorted(letters), len(letters), "h" in letters)
print(sorted({-5, 10, 3, -1}), {0, 1, 2, 3, 4, 5, 6, 7})
