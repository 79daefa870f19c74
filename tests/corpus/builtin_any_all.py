# Checks any/all: empty iterables, short-circuiting on generators, truthiness of various items.
print(any([]), all([]), any([0, 0]), all([1, 1]), any([0, 1]), all([0, 1]))
print(any(["", None, 0.0, []]), all(["a", 1, [0], (0,)]), any("abc"), all(""), any({0: "x"}), all({1: 0}))
def check(v):
    print("  checking", v)
    return v > 2
print(any(check(v) for v in [1, 3, 5]))
print(all(check(v) for v in [3, 1, 5]))
nums = [2, 4, 6, 7]
print(all(n % 2 == 0 for n in nums), any(n % 2 for n in nums), any(n > 100 for n in nums))
print(all(isinstance(x, int) for x in [1, True, 2]), any(isinstance(x, str) for x in [1, 2]))
matrix = [[1, 2], [3, 0], [5, 6]]
print(all(all(row) for row in matrix), any(all(row) for row in matrix), [all(r) for r in matrix])
it = iter([0, 0, 1, 2, 3])
print(any(it), list(it))
it = iter([1, 1, 0, 1])
print(all(it), list(it))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __bool__(self):
        raise ValueError("cannot decide")
try:
    any([Weird()])
except ValueError as e:
    print(type(e).__name__, e)
print(any([False, Weird.__name__]), all(x for x in range(1, 10)), all(x for x in range(10)))
