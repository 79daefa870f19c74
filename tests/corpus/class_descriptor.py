# Checks descriptor protocol: __get__/__set__/__delete__, data vs non-data precedence, __set_name__.
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
print(type(Person.name).__name__)
del p.age
print(hasattr(p, "_age"))

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)

class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"
    def __set__(self, obj, v):
        pass
class Holder2:
    attr = DataDesc()
h2 = Holder2()
h2.__dict__["attr"] = "instance value"
print(h2.attr)

class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, objtype):
        return (self.v, "class" if obj is None else "instance", objtype.__name__)
class C:
    k = Const(7)
print(C.k, C().k)

def func(self):
    return "bound"
print(func.__get__(C(), C)())
print(hasattr(func, "__get__"), type(func.__get__(C())).__name__)
