# Checks __new__: custom allocation, returning other types, singletons, immutable subclasses.
class Tracked:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, value):
        print("__init__", value)
        self.value = value

t = Tracked(5)
print(t.created, t.value)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.n = 0
        return cls._inst

a = Singleton()
b = Singleton()
a.n += 1
print(a is b, b.n)

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotMine())

class UpperStr(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = UpperStr("hello")
print(u, len(u), isinstance(u, str), type(u).__name__)

class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Pos(-7)
print(p, p + 1, type(p).__name__, type(p + 1).__name__)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
print(pr, pr.first, len(pr), pr == (1, 2))

class Cached:
    cache = {}
    def __new__(cls, key):
        if key in cls.cache:
            return cls.cache[key]
        obj = super().__new__(cls)
        obj.key = key
        cls.cache[key] = obj
        return obj
x1 = Cached("a")
x2 = Cached("a")
x3 = Cached("b")
print(x1 is x2, x1 is x3, len(Cached.cache))
o = object.__new__(Tracked)
print(hasattr(o, "value"), type(o).__name__)
