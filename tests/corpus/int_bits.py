# Checks integer bit operations: &, |, ^, ~, shifts (incl. negative numbers), bit_length, bit_count, hex/bin/oct.
for n in [0, 1, 2, 7, 8, 255, 256, -1, -8, 2 ** 100]:
    print(n, n.bit_length(), bin(n), hex(n), oct(n))
print((1023).bit_count(), (-7).bit_count(), (0).bit_count())
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(1 << 0, 1 << 10, 5 << 3, -5 << 3, 1024 >> 3, -1024 >> 3, -1 >> 10, 7 >> 100, -7 >> 100)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
mask = 0
for bit in [0, 3, 5]:
    mask |= 1 << bit
print(mask, bin(mask), [b for b in range(8) if mask & (1 << b)])
print(0xFF, 0o777, 0b1111, 1_000_000, 0x_dead_beef)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(16)])
print(hex(-255), bin(-5), oct(-8))
print((12345).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print((10).__add__(5), (10).__sub__(3), (3).__mul__(4), (7).__floordiv__(2))
print((6).as_integer_ratio(), (2).__pow__(10), (5).__neg__())
