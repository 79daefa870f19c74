# Checks chained generator pipelines, infinite generators with early stop, and generators as methods.
def numbers():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

def filt(pred, it):
    for v in it:
        if pred(v):
            yield v

def mapg(fn, it):
    for v in it:
        yield fn(v)

pipeline = take(8, mapg(lambda x: x * x, filt(lambda x: x % 3 == 0, numbers())))
print(list(pipeline))

def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
print(list(take(20, primes())))

def window(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)
    def __iter__(self):
        return (v for _, v in self.walk())

t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
for d, v in t.walk():
    print("  " * d + v)
print(list(t))

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:12], len(list(collatz(27))))

def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))

def running_total(it):
    total = 0
    for v in it:
        total += v
        yield total
print(list(running_total(range(1, 11))))
