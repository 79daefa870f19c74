# Checks round(): banker's rounding, ndigits positive/negative, float representation effects, types of results.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0), round(-2.5, 0))
print(round(3.14159, 3), round(3.14159, 0), round(3.14159), round(1234.5678, -2), round(1250.0, -2), round(-1250.0, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(1e20 + 0.5), round(123.456, 10), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(5.55, 1), round(5.45, 1), round(-5.55, 1), round(0.05, 1), round(0.15, 1), round(0.25, 1), round(0.35, 1))
print([round(x / 10) for x in range(-25, 30, 5)])
print(round(7.0), round(-0.4), round(-0.6), round(0.4999999999999999), round(4.5000000001))
print(round(1.23456789e10, -5), round(9.99, 1), round(9.95, 1), round(99.5), round(100.5))
print(round(True), round(False, 2), round(12345.6789, -1), round(-0.0), round(-0.0, 1))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
print([round(v, 1) for v in (0.05, 0.15, 0.25, 0.35, 0.45, 0.55)])
print(round(2 ** 0.5, 4), round(-2 ** 0.5, 4), round(1e-10, 12), round(123.456e5, -3))
