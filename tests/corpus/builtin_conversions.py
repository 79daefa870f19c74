# Checks constructor conversions: int, float, str, bool, list, tuple, dict, set, frozenset, bytes, complex from various inputs.
print(int("12"), int(12.9), int(-12.9), int(True), int(" 0x1f ", 16), int("0b11", 0))
print(float("1.25"), float(3), float(" 1e-3 "), float(True), float("-0"))
print(str(12), str(1.0), str(None), str([1, 2]), str((1,)), str({"a": 1}), str(b"hi"), str(str))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0), bool(-0.1))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list({"a": 1}.items()), list(range(3)), list(b"ab"))
print(tuple([1, 2]), tuple("xy"), tuple(range(2)), tuple({5: 0}))
print(dict([("a", 1), ("b", 2)]), dict(a=1), dict([["k", "v"]]), dict(zip("ab", range(2))), dict({"x": 1}))
print(sorted(set("hello")), set([1, 2, 2]), frozenset([3, 3, 4]), set(), sorted(frozenset("aab")))
print(bytes([104, 105]), bytes("hi", "ascii"), bytes(2), bytearray("ab", "utf-8"), bytes(bytearray(b"z")))
print(complex(1, 2), complex("3+4j"), complex(2), abs(complex(3, 4)), complex(1, 2).real, complex(1, 2).imag)
print(int(float("1e5")), float(int("7")), str(int("007")), int(str(-5)), list(str(123)), int("".join(["1", "2"])))
print(chr(int("65")), ord(str(7)), hex(int("255")), int(hex(255), 16), float.fromhex(float.hex(0.1)) == 0.1)
for fn, label in [(lambda: int("1e5"), "int('1e5')"), (lambda: float("one"), "float('one')"),
                  (lambda: list(5), "list(5)"), (lambda: dict([1]), "dict([1])"), (lambda: complex("x"), "complex('x')"),
                  (lambda: tuple(None), "tuple(None)"), (lambda: set(1.5), "set(1.5)")]:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
print(type(int()).__name__, int(), float(), str(), bool(), list(), tuple(), dict(), repr(str()))
