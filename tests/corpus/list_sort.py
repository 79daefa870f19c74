# Checks list.sort and sorted: key, reverse, stability (also with reverse), mixed-type errors, sort of tuples.
nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
nums.sort(key=lambda n: (n % 3, n))
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
records = [("ann", 3), ("bob", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name_desc = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(by_name_desc, key=lambda r: r[1]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2], [1]]))
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted((3, 1, 2)), sorted(range(5), reverse=True))
print(sorted([3.5, 1, 2.25, True]), sorted([], reverse=True), sorted([1]))
r = [3, 1, 2]
print(r.sort(), r)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: x["k"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(7)], key=lambda i: i.v))
big = list(range(1000, 0, -7))
big.sort()
print(big[:5], big[-5:], len(big))
print(sorted(["b10", "a2", "b9", "a10"], key=lambda s: (s[0], int(s[1:]))))
