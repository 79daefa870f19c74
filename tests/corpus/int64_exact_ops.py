# Ints on both sides of the small-int (48-bit) and i64 boundaries, through every binary
# operator, plain and augmented, and int subclasses / bools that must keep their own rules.
edges = [0, 1, -1, 7, -7, 2**47 - 1, 2**47, -2**47, -2**47 - 1, 2**62, 2**63 - 1, -2**63,
         2**63, -2**63 - 1, 1103515245 * 2147483647, 3 ** 39]
out = []
for a in edges:
    for b in edges:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b, a / b]
        if 0 <= b < 70:
            r += [a << b, a >> b]
        if 0 <= b < 5:
            r.append(a ** b)
        x = a
        x += b
        x *= 3
        x -= b
        x //= 7
        r.append(x)
        out.append(hash(tuple(r)))
print(sum(out) % 1000003, len(out))
seed = 42
for _ in range(1000):
    seed = (seed * 1103515245 + 12345) % 2147483648
print(seed, seed >> 12)
class I(int):
    def __add__(self, o):
        return "I.add"
    def __radd__(self, o):
        return "I.radd"
print(I(2**50) + 2**50, 2**50 + I(2**50), True + True, True + 2**60)
print([1, 2] + [3], (1,) + (2, 3), [] + [], () + ())
class L(list):
    def __add__(self, o):
        return "L.add"
class T(tuple):
    def __radd__(self, o):
        return "T.radd"
print(L([1]) + [2], [1] + L([2]), (1,) + T((2,)))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    2**60 @ 3
except TypeError as e:
    print(e)
try:
    2**60 // 0
except ZeroDivisionError as e:
    print(e)
l = [1]
m = l
l += [2]
print(l is m, m)
