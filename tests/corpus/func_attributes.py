# Checks function objects: attributes (__name__, __qualname__, __doc__, __defaults__, custom attrs), first-class use, bound methods.
def documented(a, b=2, *args, c, d=4, **kw):
    """Adds things."""
    return a + b

print(documented.__name__, documented.__qualname__, documented.__doc__)
print(documented.__defaults__, documented.__kwdefaults__)
documented.custom = "custom attribute"
print(documented.custom, "custom" in documented.__dict__)
alias = documented
print(alias.__name__, alias is documented, alias(1, c=0))
documented.__name__ = "renamed"
print(documented.__name__, alias.__name__)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__qualname__)

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        return self.v + n

a, b = C(1), C(2)
ga = a.get
print(ga(), C.get(b), ga.__self__ is a, ga.__func__ is C.get, ga.__name__)
print(a.get == a.get, a.get == b.get)
methods = [a.get, b.get, C(3).get]
print([m() for m in methods])
adder = b.add
print(adder(10), list(map(a.add, [1, 2, 3])))
C.get = lambda self: "patched " + str(self.v)
print(a.get(), ga())

def apply(f, *args):
    return f(*args)
print(apply(len, "four"), apply(max, 3, 9, 2), apply(C, 5).v)
funcs = {"double": lambda x: x * 2, "neg": lambda x: -x}
print({k: f(7) for k, f in funcs.items()})
print(type(documented).__name__, type(a.add).__name__, callable(documented))
def no_doc():
    pass
print(no_doc.__doc__, no_doc.__defaults__, no_doc.__kwdefaults__)
