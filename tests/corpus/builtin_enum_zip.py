# Checks enumerate (start), zip (uneven lengths, strict, many iterables), and their laziness.
words = ["a", "b", "c"]
print(list(enumerate(words)), list(enumerate(words, 1)), list(enumerate(words, start=-2)))
print(list(enumerate("")), list(enumerate(range(3), 10)), type(enumerate([])).__name__)
for i, (x, y) in enumerate(zip("ab", "cd"), start=1):
    print(i, x, y)
e = enumerate("xyz")
print(next(e), next(e), list(e), list(e))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip([], [1, 2])))
print(list(zip(range(3), "abc", [True, False, None])))
print(dict(zip(["k1", "k2"], [1, 2])), list(zip(*[[1, 2, 3], [4, 5, 6]])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
def gen(n):
    for i in range(n):
        print("  gen yields", i)
        yield i
print(list(zip(gen(5), "ab")))
z = zip(gen(2), gen(2))
print(type(z).__name__)
print(next(z))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
keys, vals = zip(*{"a": 1, "b": 2}.items())
print(keys, vals)
try:
    zip(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(enumerate(zip("ab", "cd"))))
