# Globals rebound and deleted after their loads were cached, builtins shadowed, and
# call sites specialized on one function that later see others (different arity,
# defaults, generators, builtins, bound methods, classes).

LIMIT = 10


def limit():
    return LIMIT


def use_len(x):
    return len(x)


for _ in range(20):
    limit()
    use_len("abc")
print(limit())
LIMIT = 20
print(limit())
del LIMIT
try:
    limit()
except NameError as e:
    print("NameError:", e)
LIMIT = 30
print(limit())

len = lambda x: "shadowed"
print(use_len("abc"))
del len
print(use_len("abcd"))


def one(a):
    return a + 1


def two(a, b=5):
    return a + b


def gen(a):
    yield a
    yield a * 2


def apply(f, x):
    return f(x)


for i in range(30):
    apply(one, i)
print(apply(one, 1), apply(two, 1), apply(abs, -3), apply(str, 4))
print(list(apply(gen, 3)), apply(lambda *a: a, 9), apply(int, "12"))


class K:
    def __init__(self, v):
        self.v = v

    def get(self, d):
        return self.v + d


print(apply(K, 3).v, apply(K(4).get, 1))
try:
    apply(one, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    apply(two, 1) + apply(one)
except TypeError as e:
    print("TypeError:", e)


def recurse(n):
    if n == 0:
        return 0
    return 1 + recurse(n - 1)


print(recurse(50))
try:
    recurse(100000)
except RecursionError as e:
    print("RecursionError:", e)


def closure_maker(k):
    def inner(x):
        return x * k
    return inner


times3 = closure_maker(3)
for i in range(30):
    apply(times3, i)
print(apply(times3, 7), apply(closure_maker(4), 7))
