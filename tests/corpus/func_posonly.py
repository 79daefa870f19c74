# Checks positional-only parameters (/), their interaction with **kwargs, and errors.
def f(a, b, /, c, *, d):
    return a, b, c, d

print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))

try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)

def g(a, /, **kw):
    return a, kw

print(g(1, a=2))
print(g(1))

def h(x, y=5, /):
    return x + y

print(h(1), h(1, 2))
try:
    h(x=1)
except TypeError as e:
    print(type(e).__name__, e)

def k(a, /, b):
    return a * b
print(k(3, 4), k(3, b=5))
try:
    k(a=1, b=2)
except TypeError as e:
    print(type(e).__name__, e)

print(len([1, 2, 3]))
try:
    len(obj=[1])
except TypeError as e:
    print(type(e).__name__, e)

def both(p, /, q, *, r):
    return f"{p}-{q}-{r}"
print(both(1, 2, r=3))
print(both(1, q=2, r=3))
