# StoreAttr that adds a new attribute is quickened along a cached shape transition;
# every way the cached transition can stop being valid must fall back correctly.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def build(n):
    return [P(i, i * 2) for i in range(n)]


pts = build(50)
print(sum(p.x + p.y for p in pts), pts[-1].__dict__)

# Same site, object already has the attribute (shape differs): plain store.
q = P(1, 2)
P.__init__(q, 5, 6)
print(q.__dict__)


# A data descriptor appears on the class for a name the site adds.
def getter(self):
    return "prop-" + str(self.__dict__.get("_y", "?"))


def setter(self, v):
    self.__dict__["_y"] = v * 10


P.y = property(getter, setter)
r = P(3, 4)
print(r.__dict__, r.y)
del P.y
s = P(7, 8)
print(s.__dict__, s.y)

# __setattr__ defined later on the class.
seen = []


def tracing_setattr(self, name, value):
    seen.append(name)
    object.__setattr__(self, name, value)


P.__setattr__ = tracing_setattr
t = P(9, 10)
print(seen, t.__dict__)
del P.__setattr__
u = P(11, 12)
print(seen, u.__dict__)


# Objects arriving with different shapes at the same add site.
class Q:
    pass


def add_z(o, v):
    o.z = v
    return o


objs = []
for i in range(30):
    o = Q()
    if i % 3 == 0:
        o.a = i
    if i % 5 == 0:
        o.b = -i
    objs.append(add_z(o, i * i))
print([sorted(o.__dict__.items()) for o in objs[:7]])
print(sum(o.z for o in objs))


# A subclass with __slots__ and a dict-less instance reaching the site.
class S:
    __slots__ = ("z",)


try:
    add_z(S(), 1)
    print("slots ok", add_z(S(), 2).z)
    add_z(object(), 3)
except AttributeError as e:
    print("AttributeError", e)


# Many attributes added in a loop (long transition chains).
class Bag:
    pass


def fill(b, names):
    for n in names:
        setattr(b, n, len(n))
    b.last = "done"
    return b


bags = [fill(Bag(), ["k%d" % j for j in range(i)]) for i in range(12)]
print([len(b.__dict__) for b in bags], bags[-1].last)
