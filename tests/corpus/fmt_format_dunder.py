# Checks __format__ hooks, format() builtin delegation, and default object.__format__ behaviour.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "cents":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __str__(self):
        return "Money!"

m = Money(12345)
print(f"{m}", f"{m:cents}", f"{m:>12,.1f}", format(m), format(m, "cents"))
print("{} {:cents} {!s}".format(m, m, m))
print(str(m), "%s" % m)

class Plain:
    def __str__(self):
        return "plain-str"
print(f"{Plain()}", format(Plain()), "{}".format(Plain()))
try:
    f"{Plain():>10}"
except TypeError as e:
    print(type(e).__name__, e)

class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1] if spec and spec[-1] in "CF" else "C"
        num_spec = spec[:-1] if spec and spec[-1] in "CF" else spec
        value = self.c if unit == "C" else self.c * 9 / 5 + 32
        return format(value, num_spec or ".1f") + "°" + unit
t = Temp(21.5)
print(f"{t} | {t:F} | {t:.3C} | {t:8.0F}")

class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)

print(format(3), format("s"), format(2.50), format([1]), format((1, "a")), format({"k": None}))
print(int.__format__(7, "03"), str.__format__("x", "^3") + "|")
class IntSub(int):
    pass
print(f"{IntSub(5):04d}", format(IntSub(255), "x"))
