# Checks yield from: delegation, return value of subgenerator, nested delegation, yield from iterables.
def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    result = yield from inner()
    print("  inner returned", repr(result))
    yield 3
    return "outer-result"

print(list(outer()))

g = outer()
try:
    while True:
        print("got", next(g))
except StopIteration as e:
    print("outer returned", e.value)

def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))

def from_iterables():
    yield from range(3)
    yield from "ab"
    yield from [10, 20]
    yield from (x * x for x in range(3))
    yield from {"k": 1, "j": 2}
print(list(from_iterables()))

def chain(*gens):
    total = 0
    for g in gens:
        r = yield from g
        total += r or 0
    return total

def numbered(n):
    for i in range(n):
        yield i
    return n

def collect(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as e:
            return items, e.value

print(collect(chain(numbered(2), numbered(3), numbered(1))))

def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    yield f"level {n}"
    return r + 1
print(collect(depth(4)))
def delegating_empty():
    r = yield from []
    yield r
print(list(delegating_empty()))
