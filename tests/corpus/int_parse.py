# Checks int() parsing: bases, prefixes, underscores, whitespace, signs, and ValueError messages.
print(int("42"), int("-17"), int("+5"), int("  99  "), int("\t7\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("1010", 2), int("z", 36), int("Zz", 36), int("10", 3))
print(int("1_000_000"), int("0x_ff", 16), int("1_0", 0))
print(int(3.99), int(-3.99), int(True), int(1e20), int("0"), int("-0"), int("000123"))
print(int(), int("  -0b11  ", 0))
print(int("١٢٣"))
bad = [("x", 10), ("", 10), ("1.5", 10), ("12a", 10), ("0x10", 10), ("9", 8), ("1__0", 10), ("_1", 10),
       ("1_", 10), ("2", 2), ("- 5", 10), ("010", 0), ("g", 16), ("  ", 10)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
for base in [1, 37, -1]:
    try:
        int("1", base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
for special in ["inf", "nan"]:
    try:
        int(float(special))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(int(b"42"), int(bytearray(b"-7")))
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"), float("nan"), float("1_000.5"))
for s in ["abc", "", "1.2.3", "1e", "--1"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
