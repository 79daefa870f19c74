# BinaryIntWide: int arithmetic with heap ints (past 48 bits) quickened at a site, then
# the site meets small ints, floats, bools, int subclasses, strs, huge ints and errors.


def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed >> 12)
    return out


print(sum(lcg(7, 3000)), lcg(1, 3))


def op(a, b):
    return (a * b, a + b, a - b, a // b, a % b, a & b, a | b, a ^ b, a >> 3, a << 2)


class MyInt(int):
    def __mul__(self, o):
        return "MyInt.mul"

    def __add__(self, o):
        return "MyInt.add"


values = [2**50, 2**60 + 3, -2**55, 3, -7, 2**47 - 1]
for i in range(200):
    a = values[i % len(values)]
    b = values[(i * 7 + 1) % len(values)] or 1
    r = op(a, b)
    if i % 50 == 0:
        print(i, r)
print(op(2**62, 5))
print(op(2**63 - 1, 2**63 - 1))
print(op(-2**63, -1))

def arith(a, b):
    return (a * b, a + b, a - b, a // b, a % b)


for v in [2**50, 2**61, 5, 2.5 * 2**50, 2**50, True, 2**80]:
    print(arith(v, 3))
print(op(True, 2**50))
print(op(2**200, 2**100)[0] % 1000, op(2**200, 3)[4])
print(MyInt(2**50) * 3, MyInt(2**50) + 1)
try:
    op(2**50, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    op("s", [])
except TypeError as e:
    print("TypeError", e)
x = 2**50
for k in range(100):
    x = x >> 1 if k % 3 else x << 2
    x ^= k
print(x)
s = 0
for k in range(300):
    s += k << 40
    s -= k
print(s)
for sh in [1, 63, 64, 100]:
    print(sh, (2**50) << sh, (2**50) >> sh, -(2**50) >> sh)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
