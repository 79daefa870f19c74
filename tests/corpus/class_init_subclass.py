# Checks __init_subclass__ hooks, subclass registries, and class keyword arguments.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Alpha(Plugin):
    pass

class Beta(Plugin, name="bee"):
    pass

class Gamma(Beta):
    pass

print(Plugin.registry)
print(Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)

class Counted:
    subclasses = 0
    def __init_subclass__(cls):
        Counted.subclasses += 1
        cls.index = Counted.subclasses
class X(Counted): pass
class Y(Counted): pass
class Z(X): pass
print(Counted.subclasses, X.index, Y.index, Z.index)

try:
    class Bad(Counted, flag=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Shape:
    sides = None
    def __init_subclass__(cls, **kw):
        if cls.sides is None:
            raise TypeError(f"{cls.__name__} must define sides")
class Tri(Shape):
    sides = 3
try:
    class Blob(Shape):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(Tri.sides, Tri.__name__)
