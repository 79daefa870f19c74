# Checks float repr/str: shortest round-trip repr, exponent thresholds, negative zero, int/float conversion.
vals = [0.1 + 0.2, 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345.6, 1e-4, 1e-5, 1e-7, 1.5e-7,
        1e22, 1e23, 5e-324, 1.7976931348623157e308, 100.0, 3.0, -0.0, 0.5, 2.675, 9007199254740993.0,
        1234567890123456789.0, 0.000123456, 12345.678e10, float(2 ** 53), 1.1 * 3]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(float(10), float(-3), float("3.25"), float(True), float(2 ** 60))
print(1.0 == 1, 1.5 == 3 / 2, 0.5 + 0.5, 7.0 / 2, 2 * 3.5, 2 ** 0.5, 10 / 4)
print(3.0 * 1e-1, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(float.fromhex("0x1.8p1"), (0.5).hex(), (1.0).hex(), (3.75).as_integer_ratio(), (0.1).as_integer_ratio())
print(int(1e16), int(1.9999999999999999), int(-0.9), int(2.5e10))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
x = 0.0
for _ in range(10):
    x += 0.1
print(x, round(x, 10))
print(1e16 + 1, 1e16 + 2, 2.0 ** 53 + 1)
print(float("0.1"), float("1e500"), float("-1e500"), float("1e-500"), float("   7.5e-3 "))
print(repr(float("1.0000000000000002")), repr(1 - 1e-16), repr(2.5e-5), repr(123e-20), repr(float(10 ** 17)))
print([round(0.1 * i, 10) for i in range(5)], 1.0 + 2 ** -52 > 1.0, 1.0 + 2 ** -53 == 1.0)
