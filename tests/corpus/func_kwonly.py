# Checks keyword-only parameters (after * and after *args), defaults and errors.
def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, b=2, c=4))
print(f(a=0, c=1, b=5))

try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)

def g(*args, sep=" ", end=""):
    return sep.join(args) + end

print(g("a", "b", "c"))
print(g("a", "b", sep="-", end="!"))

def h(*, x, y):
    return x - y

print(h(y=1, x=10))
try:
    h(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(x=1, y=2, z=3)
except TypeError as e:
    print(type(e).__name__, e)

print(f.__kwdefaults__)
print(h.__kwdefaults__)
