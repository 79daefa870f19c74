# Checks staticmethod and classmethod: calls via class and instance, alternative constructors, inheritance.
class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"

print(Temp.c_to_f(100), Temp(0).c_to_f(0))
t = Temp.from_f(212)
print(type(t).__name__, t.deg)
print(Temp.describe(), t.describe())

class Kelvin(Temp):
    scale = "K"

k = Kelvin.from_f(32)
print(type(k).__name__, k.deg, Kelvin.describe())
print(Kelvin.c_to_f(-40))

class Counter:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count

class SubCounter(Counter):
    pass

print(Counter.inc(), Counter.inc(), SubCounter.inc(), Counter.count, SubCounter.count)

sm = Temp.__dict__["c_to_f"]
cm = Temp.__dict__["from_f"]
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__(10))
bound = Temp.from_f
print(bound.__self__ is Temp, bound.__name__)

def plain(x):
    return x + 1
class Holder:
    f = staticmethod(plain)
    g = classmethod(lambda cls, y: cls.__name__ + str(y))
print(Holder.f(1), Holder().f(2), Holder.g(3), Holder().g(4))
