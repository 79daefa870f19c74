# Checks __call__: callable instances, callable() builtin, stateful callables, calling classes.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, scale=1):
        return (x * self.k + sum(rest)) * scale

m = Multiplier(3)
print(m(2), m(2, 1, 1), m(2, scale=10))
print(callable(m), callable(Multiplier), callable(3), callable("s"), callable(print))
print(list(map(m, [1, 2, 3])))

class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
c = Counter()
c(); c(); c()
print(c.n, c())

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    obj = "abc"
    obj()
except TypeError as e:
    print(type(e).__name__, e)
try:
    obj = None
    obj()
except TypeError as e:
    print(type(e).__name__, e)
try:
    obj = [1, 2]
    obj(0)
except TypeError as e:
    print(type(e).__name__, e)

class Chain:
    def __init__(self, path=""):
        self.path = path
    def __call__(self, part):
        return Chain(self.path + "/" + part)
print(Chain()("usr")("local")("bin").path)

class Adder:
    def __call__(self, a, b):
        return a + b
print(sorted([3, 1, 2], key=Multiplier(-1)))
print(Adder()(*[1, 2]), Adder()(**{"a": 5, "b": 6}))
f = Multiplier(2).__call__
print(f(21))
class Meta:
    pass
print(type(Meta()).__name__, Meta.__call__ is not None)
