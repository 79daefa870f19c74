# Checks slice objects: creation, attributes, repr, use with indexing, indices(), equality.
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(5).start, slice(5).stop)
print(slice(None, None, -1), slice(2, None))
data = list(range(10))
print(data[s], data[slice(3)], data[slice(None, None, -3)])
print("abcdefghij"[s])
print(s.indices(5), slice(-2, None).indices(10), slice(None, None, -2).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
first_three = slice(0, 3)
last_two = slice(-2, None)
for seq in ["python", (1, 2, 3, 4, 5), range(100, 106), [9, 8, 7, 6]]:
    print(seq[first_three], seq[last_two])
print(type(s).__name__)
rec = {}
class Cap:
    def __getitem__(self, k):
        return k
print(Cap()[::], Cap()[1:2:3] == slice(1, 2, 3))
print(slice("a", "b", "c"))
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice(0, 10, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
