# Checks numeric format specs: d x X o b e E f F g G %, precision, sign, thousands separators, alternate form.
n = 255
print(format(n, "d"), format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"))
print(format(n, "#x"), format(n, "#X"), format(n, "#o"), format(n, "#b"))
print(format(-n, "x"), format(-n, "#b"), format(0, "#x"))
print(format(1234567, ","), format(1234567, "_"), format(1234567.891, ",.2f"), format(0xFFFFFFFF, "_x"))
print(format(42, "+d"), format(-42, "+d"), format(42, " d"), format(-42, " d"), format(42, "-d"))
print(format(3.14159, ".2f"), format(3.14159, ".0f"), format(2.5, ".0f"), format(3.5, ".0f"))
print(format(3.14159, "e"), format(3.14159, ".3E"), format(0.000123, "e"), format(123456789.0, ".2e"))
print(format(0.5, "%"), format(0.12345, ".1%"), format(1, ".0%"), format(-0.5, "+.2%"))
for v in [0.0001, 0.00001, 123.456, 1234567.0, 1e16, 1.5e-10, 100.0, 0.1]:
    print(repr(v), format(v, "g"), format(v, ".3g"), format(v, "G"), format(v, ".10g"))
print(format(1e300 * 1e10, "f"), format(-1e300 * 1e10, "e"), format(float("nan"), "f"), format(float("inf"), "+g"))
print(format(1.0, "f"), format(1.0, ""), format(1e22, ""), format(1.5, "n") if False else "skip-n")
print(format(12, "08d"), format(-12, "08d"), format(12.5, "010.3f"), format(-12.5, "+010.2f"))
print(format(255, "08b"), format(255, "#010b"), format(255, "#06x"))
print(format(97, "c"), format(65, "c"), format(0x263A, "c"))
print(format(True, "d"), format(True, ""), format(False, "5"), format(7, "f"), format(7, "e"))
print(format(2 ** 70, ","), format(-2 ** 70, "x"), format(10 ** 20, "e"))
print(format(1234.5678, ",.1f"), format(1234.5, "_.3f"), format(0.1 + 0.2, ".17g"))
print(format(12345.6789, "=+12.2f"), format(-3, "=6d"), format(3, "*^9d"))
try:
    format(3.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("s", "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(3, ".2s")
except ValueError as e:
    print(type(e).__name__, e)
