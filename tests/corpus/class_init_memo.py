# Instantiation memoizes, per class version, which __init__ runs; every change to the
# class or its bases must be seen at the next call.


class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    pass


def make(cls, n):
    return [cls(i).v for i in range(n)]


print(make(Child, 3))


def base_init2(self, v):
    self.v = v * 100


Base.__init__ = base_init2          # a base changes: the subclass sees it
print(make(Child, 3))


def child_init(self, v):
    self.v = -v


Child.__init__ = child_init          # the class itself gets an __init__
print(make(Child, 3))
del Child.__init__
print(make(Child, 3))


class WithNew(Base):
    pass


print(make(WithNew, 2))


def new(cls, v):
    o = object.__new__(cls)
    o.extra = "from __new__"
    return o


WithNew.__new__ = new                # __new__ appears: general path, both run
w = WithNew(5)
print(w.v, w.extra)
print(make(WithNew, 2))


def gen_init(self, v):
    yield v


class G:
    __init__ = gen_init


try:
    G(1)
except TypeError as e:
    print("TypeError", e)


class Bad:
    def __init__(self, v):
        return v


try:
    Bad(3)
except TypeError as e:
    print("TypeError", e)

try:
    Child()
except TypeError as e:
    print("TypeError", e)
