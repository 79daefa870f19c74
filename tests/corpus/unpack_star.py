# Checks extended unpacking with starred targets in all positions, empty star, and in for-loops.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = range(3)
print(a)
first, *rest = "hello"
print(first, rest)
head, *middle, tail = (10,) * 2 + (20,)
print(head, middle, tail)
[x, *y] = {1: "a"}
print(x, y)
*init, last = (c for c in "abc")
print(init, last)
for first, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(first, others)
(a, b), *rest = [(1, 2), (3, 4), (5, 6)]
print(a, b, rest)
a, (b, *c), d = 1, [2, 3, 4], 5
print(a, b, c, d)
print(type(b).__name__, type(c).__name__)
_, *_, last = range(10)
print(last)
