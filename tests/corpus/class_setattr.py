# Checks __setattr__ and __delattr__ overrides, object.__setattr__ use, and frozen-object pattern.
class Logged:
    def __setattr__(self, name, value):
        print(f"  set {name} = {value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print(f"  del {name}")
        object.__delattr__(self, name)

o = Logged()
o.a = 1
o.b = [2]
o.a += 10
print(o.a, o.b)
del o.b
print(hasattr(o, "b"))
setattr(o, "c", "via setattr")
print(o.c)
try:
    del o.zzz
except AttributeError as e:
    print(type(e).__name__, e)

class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")

f = Frozen(5)
print(f.x)
try:
    f.x = 6
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del f.x
except AttributeError as e:
    print(type(e).__name__, e)
print(f.x)

class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(name, value)
v = Validated()
v.age = 5
try:
    v.age = -1
except ValueError as e:
    print(type(e).__name__, e)
print(v.age, v.__dict__)

class Lower:
    def __setattr__(self, name, value):
        self.__dict__[name.lower()] = value
lw = Lower()
lw.NAME = "x"
lw.Other = 2
print(lw.__dict__)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
