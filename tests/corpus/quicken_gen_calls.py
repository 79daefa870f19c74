# Call sites quickened for generator functions (CallGen / CallMethodGen) whose callee
# later changes: a plain function, a class, a coroutine function, a function with *args,
# a generator with a different arity, a bound method, a builtin.


def gen_pair(a, b):
    yield a
    yield b


def plain_pair(a, b):
    return [a * 10, b * 10]


class PairClass:
    def __init__(self, a, b):
        self.items = (a, -b)

    def __iter__(self):
        return iter(self.items)


async def coro_pair(a, b):
    return a + b


def star_pair(*args):
    yield from args


def gen_three(a, b, c=7):
    yield a + b + c


def gen_closure(k):
    def inner(a, b):
        yield a * k
        yield b * k

    return inner


def describe(v):
    name = type(v).__name__
    if name == "coroutine":
        try:
            v.send(None)
        except StopIteration as e:
            v.close()
            return "coroutine -> %r" % (e.value,)
    return "%s %r" % (name, list(v))


def site(f, i):
    # One call site that sees every callee.
    return f(i, i + 1)


callees = [gen_pair] * 30 + [plain_pair, gen_pair, PairClass, gen_pair, coro_pair,
                             gen_pair, star_pair, gen_three, gen_closure(3), gen_closure(5),
                             gen_pair, len, gen_pair]
for i, f in enumerate(callees):
    try:
        print(i, describe(site(f, i)))
    except TypeError as e:
        print(i, "TypeError", e)


class Holder:
    def items(self, n):
        for i in range(n):
            yield i * i

    def other(self, n):
        return [n]


def method_site(h, n):
    return h.items(n)


h = Holder()
for n in range(25):
    print("m", n, list(method_site(h, n % 4)))
Holder.items = Holder.other
print("m replaced", method_site(h, 3))


async def acoro(self, n):
    return n * 2


Holder.items = acoro
c = method_site(h, 4)
print("m coroutine", describe(c))


def star_method(self, *args):
    yield args


Holder.items = star_method
print("m star", list(method_site(h, 9)))
h.items = lambda n: iter([n, n])
print("m instance attr", list(method_site(h, 2)))


def genexpr_site(xs, k):
    return sum(x * k for x in xs) + max(y for y in xs if y % 2 == 0)


for k in range(20):
    print("g", k, genexpr_site(range(k + 2), k))


def permutations(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield [items[i]] + tail


print(len(list(permutations(list(range(5))))), list(permutations([1, 2, 3]))[-1])
permutations_saved = permutations


def permutations(items):
    return [items]


print(list(permutations_saved([1, 2, 3])))


async def agen_like(a, b):
    return a * b


def run_twice(f):
    out = []
    for i in range(3):
        r = f(i, 2)
        if type(r).__name__ == "coroutine":
            out.append(describe(r))
        else:
            out.append(list(r))
    return out


for f in [gen_pair] * 20 + [agen_like, gen_pair, star_pair]:
    print("t", run_twice(f))
