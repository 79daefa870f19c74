# metaclass __prepare__ (custom namespaces), __init_subclass__ with keywords, __set_name__
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', mcls.__name__, name, bases, kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(ns), type(ns).__name__, kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, flag=True):
    x = 1
    y = injected + 1
print(A.y, A.injected)

class A2(A, flag=False):
    pass
print(type(A2).__name__)

# a namespace that records the order of definitions through __setitem__
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class Recorder(dict):
            def __init__(self):
                super().__init__()
                self.order = []
            def __setitem__(self, k, v):
                self.order.append(k)
                super().__setitem__(k, v)
            def __delitem__(self, k):
                self.order.remove(k)
                super().__delitem__(k)
        return Recorder()
    def __new__(mcls, name, bases, ns):
        c = super().__new__(mcls, name, bases, dict(ns))
        c.order = [k for k in ns.order if not k.startswith('__')]
        return c

class B(metaclass=OrderedMeta):
    b = 1
    a = 2
    def m(self):
        pass
    tmp = 3
    del tmp
    b = 4
print(B.order, B.b)

# a namespace with defaults through __missing__
class AutoMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class Auto(dict):
            def __missing__(self, key):
                if key.startswith('auto_'):
                    return key.upper()
                raise KeyError(key)
        return Auto()

class C(metaclass=AutoMeta):
    value = auto_thing
    length = len(value)
print(C.value, C.length)

# rejecting a non-mapping
class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class X(metaclass=BadPrep):
        pass
except TypeError as e:
    print('TypeError', e)
print(type.__prepare__('n', ()), type(type.__prepare__()), type.__prepare__(1, 2, k=3))

# errors inside __prepare__ propagate
class Raising(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        raise ValueError('no namespace for ' + name)
try:
    class Y(metaclass=Raising):
        pass
except ValueError as e:
    print('ValueError', e)

# __init_subclass__ with class keywords
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class Sub(Base, tag='t'):
    pass
class Sub2(Sub):
    pass
print(Sub.tag, Sub2.tag, Base.registry)
try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print('TypeError', e)

# __set_name__
class Field:
    def __set_name__(self, owner, name):
        self.where = (owner.__name__, name)
class H:
    first = Field()
    second = Field()
print(H.first.where, H.second.where)

# rebinding a class's __module__ / __qualname__ shows in its repr
class Moved:
    pass
Moved.__module__ = 'elsewhere'
Moved.__qualname__ = 'Outer.Moved'
print(Moved, Moved.__module__, Moved.__qualname__)
