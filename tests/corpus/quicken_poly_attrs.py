# Polymorphic attribute and method sites (several classes through one instruction) that
# get a multi-way specialized form and then see their assumptions break: a method
# replaced on one class, a class attribute that becomes a property, an instance
# attribute shadowing a method, an attribute deleted, and more classes than the cache
# has ways (the site goes megamorphic and must stay correct).


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n
        self.held = n % 2 == 0

    def describe(self):
        return "base %d" % self.n


class A(Base):
    kind = "a"

    def describe(self):
        return "a %d" % self.n


class B(Base):
    def __init__(self, n):
        Base.__init__(self, n)
        self.extra = n * 10


class C(Base):
    kind = "c"


def read(o):
    return (o.n, o.held, o.kind)


def call(o):
    return o.describe()


def bound(o):
    m = o.describe
    return m()


objs = [cls(i) for i in range(30) for cls in (Base, A, B, C)]
for _ in range(3):
    print(sum(read(o)[0] for o in objs), [read(o) for o in objs[:4]])
    print([call(o) for o in objs[:8]])
    print([bound(o) for o in objs[:4]])

# Replace a method on one class: only that class's calls change.
A.describe = lambda self: "patched a %d" % self.n
print([call(o) for o in objs[:8]], [bound(o) for o in objs[:4]])

# A class attribute becomes a property.
C.kind = property(lambda self: "prop c %d" % self.n)
print([read(o) for o in objs[:8]])

# An instance attribute shadows the method on one object.
objs[2].describe = lambda: "instance override"
print([call(o) for o in objs[:4]], [bound(o) for o in objs[:4]])

# Delete an attribute: a new shape, then AttributeError.
del objs[1].held
try:
    read(objs[1])
except AttributeError as e:
    print("AttributeError:", e)
objs[1].held = "back"
print(read(objs[1]))

# More classes than the cache has ways: the sites must keep answering correctly.
many = []
for k in range(12):
    cls = type("K%d" % k, (Base,), {"kind": "k%d" % k, "describe": lambda self, k=k: "k%d:%d" % (k, self.n)})
    many.append(cls(k))
for _ in range(3):
    print([read(o) for o in many], [call(o) for o in many], [bound(o) for o in many])
print([read(o) for o in objs[:8]], [call(o) for o in objs[:8]])

# Objects of one class whose attributes were set in different orders (different shapes).
class P:
    def get(self):
        return (self.x, self.y)


ps = []
for i in range(10):
    p = P()
    if i % 2:
        p.x, p.y = i, -i
    else:
        p.y, p.x = -i, i
    ps.append(p)
print([p.get() for p in ps])
P.get = lambda self: "replaced"
print([p.get() for p in ps])
