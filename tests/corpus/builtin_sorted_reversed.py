# Checks sorted() on various iterables with key/reverse and reversed() on sequences, ranges, custom __reversed__.
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({2: 0, 1: 0}), sorted(x for x in [5, 4]))
print(sorted([-3, 2, -1], key=abs), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted([[1, 2], [1], [0, 5]]), sorted([(1, "z"), (1, "a")]), sorted([True, False, True]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(1, 8, 2))))
print("".join(reversed("stressed")), list(reversed({"a": 1, "b": 2})), list(reversed([])))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), list(r))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __reversed__(self):
        return iter(range(1, self.n + 1))
    def __iter__(self):
        return iter(range(self.n, 0, -1))
print(list(Countdown(3)), list(reversed(Countdown(3))))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(reversed(SeqOnly())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], reverse="yes")
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([1, 2], key=None), sorted([], key=len), sorted(["b", "A", "a", "B"], key=str.casefold))
