# Checks range: len, indexing, negative indexing, slicing, negative steps, membership, repr, equality, errors.
r = range(10)
print(r, len(r), r[0], r[-1], r[3], list(r))
print(range(2, 10, 3), list(range(2, 10, 3)), len(range(2, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)), len(range(0, -10, -3)), list(range(0, -10, -3)))
print(range(0, 20, 5)[1:3], range(10)[::-1], range(10)[::2][1:3], range(1, 100, 7)[-2:], range(5)[10:])
print(5 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2), 3.0 in r, "3" in r)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 2) == range(1, 11, 2), r == list(r))
print(range(3, 9, 2).start, range(3, 9, 2).stop, range(3, 9, 2).step, range(4).start)
print(range(10).index(3), range(0, 20, 5).index(15), range(0, 10, 2).count(4), range(0, 10, 2).count(5))
print(sum(range(101)), max(range(-5, 5)), min(range(3, 0, -1)), list(reversed(range(4))), sorted(range(3), reverse=True))
print(range(10 ** 20)[10 ** 19], len(range(0, 10 ** 18, 3)), 10 ** 19 in range(10 ** 20))
print(repr(range(0, 5)), repr(range(-3, 3, 2)), str(range(1)), bool(range(0)), bool(range(1)))
for fn, label in [(lambda: range(0, 10, 0), "step 0"), (lambda: range(5)[5], "index 5"), (lambda: range(1.5), "float arg"),
                  (lambda: range(5).index(7), "index(7)"), (lambda: range(), "no args")]:
    try:
        fn()
    except (ValueError, IndexError, TypeError) as e:
        print(label, type(e).__name__, e)
total = 0
for i in range(1, 5):
    for j in range(i):
        total += j
print(total, hash(range(3)) == hash(range(0, 3)), type(r).__name__)
