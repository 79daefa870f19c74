# Ints just past the small-int range and around the 64-bit limits: arithmetic, shifts,
# comparisons with floats, and a linear congruential generator whose products pass 2**47.
vals = [2**47 - 1, 2**47, -(2**47), 2**62, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1]
for a in vals:
    print(a, -a, ~a, abs(a), a + 1, a - 1, a * 3, a // 7, a % 7, a // -7, a % -7, a >> 3, a << 2)
    print(a == float(a), a < float(a) + 1e3, a * 1.5, a / 3, divmod(a, -5), hex(a))
print(-(-2**63), (-2**63) // -1, (-2**63) % -1, (2**63 - 1) * (2**63 - 1), pow(2**62, 2, 10**9 + 7))
s = 1
for i in range(1000):
    s = (s * 1103515245 + 12345) % 2147483648
print(s)
x = 2**40
for i in range(60):
    x = x * 3 - (x >> 1)
print(x)
try:
    (2**62) // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    (2**62) >> -1
except ValueError as e:
    print("ValueError", e)
