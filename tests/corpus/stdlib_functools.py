# functools: partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key
import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key


def f(a, b, c=3, *rest, **kw):
    return (a, b, c, rest, sorted(kw.items()))


p = partial(f, 1, c=5)
print(p(2))
try:
    print(p(2, 6, 7, x=1))
except TypeError as e:
    print(type(e).__name__, e)
print(partial(f, 1)(2, 6, 7, x=1))
print(p(2, c=9))
print(p.func is f, p.args, p.keywords)
pp = partial(p, 2, d=4)
print(pp.func is f, pp.args, pp.keywords, pp())
print(repr(partial(max, 3, key=abs)).replace(repr(max), 'MAX'))
q = partial(int, base=2)
print(q('1011'), q('11', base=10))
try:
    partial()
except TypeError as e:
    print(type(e).__name__, e)
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)
p.note = 'attr'
print(p.note)


class MyPartial(partial):
    pass


print(MyPartial(f, 1)(2))

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: a + b, [], 'init'))
print(reduce(lambda a, b: a + [b], 'abc', []))
for bad in [(lambda a, b: a, []), (lambda a, b: a, 5)]:
    try:
        reduce(*bad)
    except TypeError as e:
        print(type(e).__name__, e)


def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k) * 2
    return inner


@deco
def doubled(x):
    """Doubles x."""
    return x


print(doubled(21), doubled.__name__, doubled.__doc__, doubled.__wrapped__(4), doubled.__qualname__)
def plain(): pass
plain.extra = 42
def wrapper(): pass
functools.update_wrapper(wrapper, plain)
print(wrapper.__name__, wrapper.extra, wrapper.__wrapped__ is plain)

calls = []


@lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x


for v in [1, 2, 3, 1, 4, 2, 5, 1, 1]:
    square(v)
print(calls, square.cache_info())
print(square.cache_info().hits, square.cache_info()._asdict() if hasattr(square.cache_info(), '_asdict') else None)
square.cache_clear()
print(square.cache_info(), square.cache_parameters())
print(square.__name__, square.__wrapped__(7))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info())


@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30), fact.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed_fn(x):
    calls.append(('typed', x))
    return x


calls.clear()
typed_fn(1); typed_fn(1.0); typed_fn(1); typed_fn(True)
print(calls, typed_fn.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1); nocache(1)
print(nocache.cache_info())


@lru_cache(maxsize=-5)
def neg(x):
    return x


print(neg.cache_info().maxsize)


@lru_cache()
def kwfn(a, b=2):
    calls.append((a, b))
    return a + b


calls.clear()
print(kwfn(1), kwfn(1, b=2), kwfn(1, 2), kwfn(a=1, b=2), kwfn(b=2, a=1))
print(calls, kwfn.cache_info().currsize)
try:
    kwfn([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    lru_cache('x')
except TypeError as e:
    print(type(e).__name__, e)


class Calc:
    def __init__(self, base):
        self.base = base

    @lru_cache(maxsize=16)
    def add(self, x):
        return self.base + x

    def __hash__(self):
        return self.base

    def __eq__(self, other):
        return self.base == other.base


c = Calc(10)
print(c.add(1), c.add(1), Calc(10).add(1), Calc.add.cache_info())


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, a == Version(1), a != b)
print(sorted([Version(3), Version(1), Version(2)], key=lambda v: v).__len__())


@total_ordering
class G:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        return self.n > other.n


print(G(1) < G(2), G(2) <= G(2), G(3) >= G(1))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)

print(sorted([5, 1, 4, 2], key=cmp_to_key(lambda x, y: y - x)))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda x, y: len(x) - len(y))))
K = cmp_to_key(lambda x, y: x - y)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


ci = Circle(2)
print(ci.area, ci.area, ci.computed)


@functools.singledispatch
def show(x):
    return 'object'


@show.register(int)
def _(x):
    return 'int'


@show.register(list)
def _(x):
    return 'list'


print(show(1), show(True), show([1]), show('s'))


class Cell:
    def __init__(self):
        self.v = None

    def set(self, v):
        self.v = v

    set_one = functools.partialmethod(set, 1)


cl = Cell()
cl.set_one()
print(cl.v)
