# Checks decorators with arguments (decorator factories), and class-based decorators.
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hi(name):
    return "hi " + name

print(hi("bob"))

def prefix(p, sep=": "):
    def deco(fn):
        def wrapper(*a, **k):
            return p + sep + str(fn(*a, **k))
        return wrapper
    return deco

@prefix("RESULT")
def compute(x):
    return x * 2

@prefix("INFO", sep=" | ")
def info():
    return "ready"

print(compute(21))
print(info())

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.fn(*args, **kwargs)

@CountCalls
def double(x):
    return x * 2

print(double(1), double(2), double(3), double.count)

class Validate:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __call__(self, fn):
        def wrapper(x):
            if not (self.lo <= x <= self.hi):
                raise ValueError(f"{x} out of range [{self.lo}, {self.hi}]")
            return fn(x)
        return wrapper

@Validate(0, 10)
def half(x):
    return x / 2

print(half(4))
try:
    half(11)
except ValueError as e:
    print(type(e).__name__, e)

def tag(name):
    return lambda fn: (lambda *a: f"<{name}>{fn(*a)}</{name}>")

@tag("b")
def bold(s):
    return s
print(bold("text"))

options = {"n": 2}
@repeat(options["n"] + 1)
def z():
    return 0
print(z())
