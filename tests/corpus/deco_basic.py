# Checks simple decorators: wrapping, preserving behaviour, call counting, manual __name__ copying.
def shout(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return result.upper()
    wrapper.__name__ = fn.__name__
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("world"))
print(hello.__name__)

def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper

@counted
def square(x):
    return x * x

for i in range(4):
    square(i)
print("calls:", square.calls)

def trace(fn):
    def wrapper(*args, **kwargs):
        print("enter", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("exit", fn.__name__, "->", r)
        return r
    return wrapper

@trace
def add(a, b=0):
    return a + b

add(1, 2)
add(5, b=6)

registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn

@register
def one():
    return 1

@register
def two():
    return 2

print(registry, one(), two())

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))

def plain(x):
    return x + 1
plain = trace(plain)
plain(1)
