# Checks chained comparisons: short-circuiting, single evaluation of middle operands, mixed operators.
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < x < 3)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
print(0 <= x <= 5 <= 5, "a" < "b" < "c", [1] < [2] <= [2])

def val(v, label):
    print("  eval", label)
    return v

print(val(1, "a") < val(2, "b") < val(3, "c"))
print(val(5, "a") < val(2, "b") < val(3, "c"))
print(val(1, "a") == val(1, "b") in val([1], "c"))

a = [1, 2]
b = a
print(a is b is not None, a is not [1, 2], 2 in a in [a])
print(1 < 2 == 2 > 1, (1 < 2) == True)
print(3 > 2 > 1, (3 > 2) > 1)
y = 0
print(-1 < y < 1, not 0 < y < 1)
print(1 < 2.5 < 3, 1.0 == 1 == True)
items = [4, 8, 15, 16, 23, 42]
print([i for i in items if 10 <= i < 20])
def in_range(v, lo=0, hi=10):
    return lo <= v < hi
print([in_range(v) for v in (-1, 0, 9, 10)])
try:
    print(1 < 2 < "x")
except TypeError as e:
    print(type(e).__name__, e)
print(1 > 2 < "x")
