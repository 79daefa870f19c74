# Checks property: getter, setter with validation, deleter, read-only property errors, property() call form.
class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        print("get radius")
        return self._r

    @radius.setter
    def radius(self, value):
        print("set radius", value)
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._r = value

    @radius.deleter
    def radius(self):
        print("del radius")
        del self._r

    @property
    def area(self):
        return 3 * self._r ** 2

c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.area = 10
except AttributeError as e:
    print(type(e).__name__, e)
del c.radius
print(hasattr(c, "_r"))
try:
    c.radius
except AttributeError as e:
    print(type(e).__name__, e)

class Old:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    x = property(getx, setx, None, "the x property")

o = Old()
o.x = 21
print(o.x, Old.x.__doc__)
try:
    del o.x
except AttributeError as e:
    print(type(e).__name__, e)

print(type(Circle.radius).__name__)

class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Derived().name)

class Lazy:
    def __init__(self):
        self._cache = None
        self.computed = 0
    @property
    def value(self):
        if self._cache is None:
            self.computed += 1
            self._cache = 42
        return self._cache
lz = Lazy()
print(lz.value, lz.value, lz.computed)
