# Checks complex numbers: literals, construction and parsing, arithmetic mixed with int and
# float, powers, abs, hashing, equality, repr of signed zeros/inf/nan, and the errors.
import math


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(1j, 2.5j, 1e20j, 1e-5j, 0j, -0j, -1j, 3 + 4j, 3 - 4j, (1 + 2j) * (3 - 1j))
print(complex(), complex(2), complex(2.5, -1), complex(1j, 1j), complex(-0.0, -0.0), complex(0, -0.0))
print(complex("1+2j"), complex(" ( -1.5e3-2j ) "), complex("j"), complex("-J"), complex("1_000j"),
      complex("nan+infj"), complex("-inf-nanj"), complex("5."), complex(".5j"), complex(real=1, imag=2))
for bad in ["", "1+", "(1", "1 + 2j", "jj", "1e", "+-1j", "1j2", "()", "1__0j", "_1j", "abc"]:
    attempt(repr(bad), lambda: complex(bad))
z = 3 - 4j
print(z.real, z.imag, z.conjugate(), abs(z), -z, +z, z == 3 - 4j, z != 3, bool(z), bool(0j))
print(1 + 1j + 1.5, 2 * 1j, 1j * 1j, 1 / 2j, (1 + 2j) / (3 - 4j), 10 - 1j, 1j - 10, 2.0 / (1 + 1j))
print((1 + 2j) ** 2, (1 + 2j) ** -2, (2 + 3j) ** 0.5, 1j ** 1j, 2 ** 1j, 0j ** 0, pow(1j, 3), (1 + 1j) ** 100)
print((-8) ** 0.5, (-8.0) ** (1 / 3), (-1) ** 0.5, (-2.5) ** 1.5)
print(1 + 0j == 1, 1 == 1 + 0j, 2.5 + 0j == 2.5, 1j == 1, 10 ** 20 + 0j == 10 ** 20, 1j in [1j])
print(hash(1j), hash(1 + 2j), hash(complex(1.5, -2)), hash(3 + 0j) == hash(3), hash(-1 + 0j))
print({1: "int", 1 + 0j: "complex", 2j: "imag"}, sum([1j, 2, 3.5]), sum([0.5j] * 4))
print(repr(complex(float("inf"), float("-inf"))), complex(float("nan"), 0), complex(-0.0, 1), complex(1e300, 1e-300))
print(str(1 + 2j), f"{1 + 2j}", f"{2j!r}", [1j, -1j], (0j,), type(1j).__name__, isinstance(1j, complex))


class C:
    def __complex__(self):
        return 2 + 2j


class F:
    def __float__(self):
        return 1.5


class BadC:
    def __complex__(self):
        return 1


print(complex(C()), complex(F()), complex(F(), F()), complex(True, False))
attempt("bad __complex__", lambda: complex(BadC()))
attempt("lt", lambda: 1j < 2j)
attempt("lt int", lambda: 1j < 2)
attempt("gt int", lambda: 2 > 1j)
attempt("floordiv", lambda: 1j // 2)
attempt("mod", lambda: 1j % 2)
attempt("divmod", lambda: divmod(1j, 2))
attempt("div zero", lambda: 1j / 0)
attempt("div zero complex", lambda: 1 / 0j)
attempt("zero pow neg", lambda: 0j ** -1)
attempt("zero pow complex", lambda: 0j ** 1j)
attempt("overflow", lambda: 10j ** 1000)
attempt("big int", lambda: 1j + 2 ** 2000)
attempt("str and arg", lambda: complex("1", 2))
attempt("arg str", lambda: complex(1, "2"))
attempt("none", lambda: complex(None))
attempt("list", lambda: complex([]))
attempt("int()", lambda: int(1j))
attempt("float()", lambda: float(1j))
attempt("round", lambda: round(1j))
attempt("sqrt", lambda: math.sqrt(1j))
attempt("bitand", lambda: 1j & 1)
attempt("neg bit", lambda: ~1j)
attempt("abs overflow", lambda: abs(complex(1e308, 1e308)))
attempt("pow mod", lambda: pow(1j, 2, 3))
for spec in ["", ".2f", "+.1f", " g", ">20", "*^16.3e", ".3", "<12", ",.2f", "=10", "010", "%", "x"]:
    for v in [1 + 2j, -0.0 + 1.5j, 1234.5 - 2j, complex(-1, -0.0)]:
        attempt("format %r %r" % (spec, v), lambda: format(v, spec))
print(f"{3j:10}|{1 + 1j!r:>12}|{2 - 2j:.1f}")
