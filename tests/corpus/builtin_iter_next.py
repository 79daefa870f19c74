# Checks iter() and next(): default values, iter(callable, sentinel), iterator identity, exhaustion, StopIteration.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
s = iter("ab")
print(next(s), list(s))
d = iter({"k1": 1, "k2": 2})
print(type(d).__name__, next(d), next(d))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(["first", "second", "", "never"])
print(list(iter(lambda: next(lines), "")))
it2 = iter(range(3))
print(iter(it2) is it2, type(it2).__name__, list(it2))
t = iter((1, 2))
next(t)
print(list(t), list(t))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
class Squares:
    def __init__(self):
        self.i = 0
    def __next__(self):
        self.i += 1
        if self.i > 4:
            raise StopIteration
        return self.i ** 2
    def __iter__(self):
        return self
print(list(Squares()), next(Squares()), sum(Squares()))
sq = Squares()
for v in sq:
    if v > 4:
        break
print(next(sq), next(sq, "exhausted"))
print(next(iter([]), "empty"), next(iter(set()), 0))
