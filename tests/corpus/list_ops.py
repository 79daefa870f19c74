# Checks list operators: +, *, ==, <, in, identity vs equality, nested copies, len, item assignment, negative index.
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b, a != [1, 2], a < [1, 2, 4], a < [1, 2], [] < [0], [1, [2]] == [1, [2]])
print(a + b, a * 2, 2 * a, [] * 5, a * 0, a * -2, [[]] * 3)
print(2 in a, 5 in a, 5 not in a, [2] in [[2]], len(a), len([[]]))
a[0] = "zero"
a[-1] = "last"
print(a)
try:
    a[3] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[-4]
except IndexError as e:
    print(type(e).__name__, e)
m = [[1, 2], [3, 4]]
shallow = m.copy()
shallow[0].append(99)
print(m, shallow)
shallow[1] = "replaced"
print(m, shallow)
print(list(enumerate(["x", "y"])), list(zip([1, 2], "ab")))
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), [1, 2] + list((3,)))
x = [0] * 3
y = x
y += [1]
print(x, x is y)
z = [5, 3]
z *= 2
print(z)
print([1, 2, 3][::-1], list(reversed(range(3))), [i for i in [1, 2, 3] if i > 1])
print([1, 2] == (1, 2), [1.0, 2] == [1, 2.0], [float("nan")] == [float("nan")])
try:
    [1, 2] + 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    key = "0"
    [1, 2][key]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
print(bool([]), bool([0]), [] or "empty", list.__name__, type([]) is list)
