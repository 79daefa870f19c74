# Checks type() with one argument and three arguments (dynamic class creation), and type attributes.
print(type(1).__name__, type("s").__name__, type([]).__name__, type(None).__name__)
print(type(type).__name__, type(int) is type, type(len).__name__)

def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"x": 10, "__init__": init, "double": lambda self: self.v * 2})
d = Dyn(21)
print(Dyn.__name__, Dyn.x, d.v, d.double())
print([k.__name__ for k in Dyn.__mro__])

Base = type("Base", (), {"hello": lambda self: "hello from " + type(self).__name__})
Child = type("Child", (Base,), {})
print(Child().hello(), issubclass(Child, Base))

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.upper()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
class MoreTagged(Tagged):
    pass
print(Tagged.tag, MoreTagged.tag, type(Tagged).__name__)

class CallCount(type):
    count = 0
    def __call__(cls, *a, **k):
        CallCount.count += 1
        return super().__call__(*a, **k)
class Obj(metaclass=CallCount):
    def __init__(self, n):
        self.n = n
objs = [Obj(i) for i in range(4)]
print(CallCount.count, objs[3].n)

print(int.__name__, str.__mro__[-1].__name__, object.__bases__)
print(isinstance(Dyn, type), type(d) is Dyn)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
