# Checks generator return values via StopIteration.value, and StopIteration raised inside a generator becoming RuntimeError.
def g(n):
    for i in range(n):
        yield i
    return n * 100

it = g(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.value, "args", e.args)

def no_return():
    yield 1
it = no_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, "args", e.args)

def return_tuple():
    yield
    return (1, 2)
it = return_tuple()
next(it)
try:
    next(it)
except StopIteration as e:
    print("tuple value", e.value, e.args)

def leaky():
    yield 1
    raise StopIteration("explicit")
try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))

def leaky_next():
    it = iter([])
    yield next(it)
try:
    for x in leaky_next():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)

def outer():
    v = yield from g(3)
    return v + 1
o = outer()
print(list(o))
o = outer()
for _ in range(3):
    next(o)
try:
    next(o)
except StopIteration as e:
    print("outer value", e.value)

try:
    raise StopIteration(7)
except StopIteration as e:
    print("plain StopIteration", e.value)
