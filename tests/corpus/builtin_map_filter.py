# Checks map (single and multiple iterables, laziness) and filter (predicate and None), plus their iterator behaviour.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb", ""])), list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(map(int, "1 2 3".split())), list(map(str.upper, "abc")), list(map(lambda x: x, [])))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda s: len(s) > 2, ["ab", "abc", "abcd"])), tuple(filter(None, (0, 0))))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m), list(m))
f = filter(None, [1, 0, 2])
print(type(f).__name__, next(f), next(f), next(f, "done"))
def noisy(x):
    print("  called with", x)
    return x * 2
lazy = map(noisy, [1, 2, 3])
print("map created")
print(next(lazy))
print(sum(map(noisy, [10])))
print(sorted(map(lambda p: p[1], {"a": 3, "b": 1}.items())))
print(list(map(lambda t: t[0] + t[1], zip([1, 2], [10, 20]))))
print(list(map(max, [1, 5], [4, 2], [3, 3])))
try:
    map(1, [1])
    list(map(1, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(filter(lambda: True, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(str, filter(lambda n: n > 2, map(lambda n: n * n, range(4))))))
