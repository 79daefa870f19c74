# Checks type() results and names for builtins, object() basics, __class__, __name__/__qualname__ of functions and methods.
values = [1, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, True, range(1), slice(1),
          len, print, object(), type, Ellipsis, NotImplemented, iter([]), (x for x in []), map(str, []), zip(), enumerate([])]
print([type(v).__name__ for v in values])
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), hash(o) == hash(o))
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
def func(a, b=1):
    "docstring here"
    return a
class K:
    def method(self):
        pass
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm():
        pass
print(func.__name__, func.__qualname__, func.__doc__, func.__defaults__)
print(K.method.__name__, K().method.__name__, K.method.__qualname__, type(K.method).__name__, type(K().method).__name__)
print(type(K.cm).__name__, type(K.sm).__name__, K.cm.__self__ is K, K().method.__self__.__class__.__name__)
print(func.__module__, K.__module__, K.__name__, type(K).__name__, type(type).__name__)
print(len.__name__, print.__name__, type(len).__name__, type([].append).__name__, [].append.__name__)
print(int.__name__, int.__qualname__, int.__add__(1, 2), (1).__add__(5))
m = K().method
print(m == K().method, m.__func__ is K.method, callable(m))
print(object.__name__, object.__bases__, K.__bases__ == (object,), type(None)(), type(1)("7"), type("")(5))
print(type(1) == int, type(1) is not float, type(type(1)) is type)
bm = "hello".upper
print(bm(), type(bm).__name__, bm.__self__, bm.__name__)
