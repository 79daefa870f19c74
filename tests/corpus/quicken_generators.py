# Generators resumed inside the interpreter loop (ForIterGen, yield from a generator):
# iterators that change kind mid-loop, exceptions crossing generator frames, the handled
# exception seen inside and outside, return values through yield from, throw/close while
# delegating, re-entrance, and recursion through the same loop instruction.
import sys


def count(n):
    for i in range(n):
        yield i


def total(it):
    t = 0
    for x in it:
        t += x
    return t


# The same loop sees generators, lists, ranges, then generators again.
print([total(s) for s in (count(5), [1, 2], count(3), range(4), iter((7, 8)), count(0))])


def exhausted():
    g = count(2)
    print(list(g), list(g))
    for x in g:
        print("never", x)
    print(total(g))


exhausted()


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for v in stops():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__)


def fails(n):
    for i in range(n):
        if i == 2:
            raise ValueError("at %d" % i)
        yield i


def consume():
    seen = []
    try:
        for v in fails(5):
            seen.append(v)
    except ValueError as e:
        seen.append(str(e))
    return seen


print(consume())


def handled_inside():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield "left"


try:
    raise IndexError("outer")
except IndexError:
    for name in handled_inside():
        print("inside:", name, "outside:", sys.exc_info()[0].__name__)
print("after:", sys.exc_info()[0])


def inner(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def middle(n):
    r = yield from inner(n)
    r2 = yield from inner(1)
    return r + r2


def outer(n):
    result = yield from middle(n)
    yield ("done", result)


print(list(outer(3)))
g = outer(3)
print(next(g), g.send("a"), g.send("b"), g.send("c"), g.send("d"))


def delegate_catch():
    try:
        yield from inner(10)
    except ZeroDivisionError as e:
        yield "caught " + str(e)
    finally:
        print("delegate finally")


g = delegate_catch()
print(next(g), next(g))
print(g.throw(ZeroDivisionError("zz")))
g.close()


def tail_finally():
    try:
        yield 1
        yield 2
    finally:
        print("closing tail")


def head():
    yield from tail_finally()


h = head()
for v in h:
    print("head", v)
    break
print("broke out")
h.close()


def perms(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in perms(rest):
            yield [items[i]] + p


print(list(perms([1, 2, 3])))


def mixed(depth):
    # The same ForIter instruction iterates a generator in one activation and a list in
    # a nested one, so the nested activation despecializes the outer's instruction.
    src = count(2) if depth % 2 == 0 else [10, 20]
    for x in src:
        if depth < 3:
            for y in mixed(depth + 1):
                yield x + y
        else:
            yield x


print(sum(mixed(0)), len(list(mixed(0))))


def reenter():
    yield next(me)


me = reenter()
try:
    for v in me:
        print(v)
except ValueError as e:
    print("ValueError:", e)


def returns_early():
    yield 1
    return 5


def from_early():
    r = yield from returns_early()
    r2 = yield from (x for x in ())
    print("returned", r, r2)


print(list(from_early()))
done = returns_early()
list(done)


def from_done():
    r = yield from done
    print("from finished:", r)
    yield "end"


print(list(from_done()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def from_class():
    yield from Countdown(3)
    yield from [9, 8]
    yield from count(2)


print(list(from_class()))


def deep(n):
    if n == 0:
        yield 0
        return
    yield from deep(n - 1)
    yield n


print(sum(deep(300)), list(deep(5)))


def tb_gen():
    yield 1
    1 / 0


try:
    for v in tb_gen():
        pass
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


# send() resumed inline (CallMethodGenSend), with the guard failing on objects that
# merely have a send method.
def echo():
    total = 0
    while True:
        v = yield total
        if v is None:
            return "stopped at %d" % total
        if v < 0:
            raise ValueError("negative %d" % v)
        total += v


class FakeSender:
    def __init__(self):
        self.log = []

    def send(self, v):
        self.log.append(v)
        return len(self.log)


def drive(target, values):
    out = []
    for v in values:
        try:
            out.append(target.send(v))
        except StopIteration as e:
            out.append(("stop", e.value))
        except (ValueError, TypeError, RuntimeError) as e:
            out.append((type(e).__name__, str(e)))
    return out


e = echo()
print(drive(e, [None, 1, 2, 3]))
print(drive(FakeSender(), [1, 2]))
print(drive(e, [4, None, 5]))
print(drive(echo(), [1]))
e2 = echo()
next(e2)
print(drive(e2, [5, -1, 2]))


def self_sender():
    v = yield 1
    yield me2.send(v)


me2 = self_sender()
next(me2)
print(drive(me2, [7]))


def relay():
    result = yield from echo()
    yield "relay got " + result


r = relay()
print(drive(r, [None, 3, 4, None, 1]))


def stops_on_send():
    yield 1
    raise StopIteration


s = stops_on_send()
next(s)
print(drive(s, [0]))


async def coro(n):
    return n * 2


c = coro(21)
print(drive(c, [None, None]))


def pipeline_stage(factor, target):
    while True:
        v = yield
        target.send(v * factor)


def sink(store):
    while True:
        store.append((yield))


store = []
head = sink(store)
next(head)
for f in (2, 3):
    head = pipeline_stage(f, head)
    next(head)
for i in range(5):
    head.send(i)
print(store)


# Generator functions called with arguments that need no binding (made straight from the
# registers) and ones that do.
class Tree:
    def __init__(self, value, *kids):
        self.value = value
        self.kids = kids

    def walk(self, depth):
        yield depth, self.value
        for k in self.kids:
            yield from k.walk(depth + 1)


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk(0)))
walk = t.walk
print(list(walk(10)))
print(list(Tree.walk(t, 5)))


def with_defaults(a, b=10, *rest, c=3, **kw):
    yield a + b + c + sum(rest) + len(kw)


print(list(with_defaults(1)), list(with_defaults(1, 2, 3, 4, c=0, z=1)))


def captured(n):
    def get():
        return n
    n += 1
    yield get()
    n += 1
    yield get()


print(list(captured(5)))
try:
    count()
except TypeError as e:
    print("TypeError:", e)
try:
    count(1, 2)
except TypeError as e:
    print("TypeError:", e)
