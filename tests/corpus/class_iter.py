# Checks iterator protocol: __iter__/__next__, StopIteration, iterables vs iterators, exhaustion.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
cd = Countdown(3)
print(next(cd), next(cd))
print(list(cd), list(cd))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

r = Range2(4)
print(list(r), list(r), sum(r))
print([x * y for x in Range2(3) for y in Range2(3)])

class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)))
f = Fib(10)
print(list(zip(f, f)))

it = iter([1, 2, 3])
print(iter(it) is it)
for x in it:
    print("loop", x)
    if x == 1:
        print("skip", next(it))

class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
a, b, c = Countdown(3)
print(a, b, c)
print(max(Countdown(7)), sorted(Countdown(4)))
