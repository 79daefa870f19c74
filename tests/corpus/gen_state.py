# Checks generator local state persistence, independent instances, generator in class, and re-entrancy error.
def stateful():
    count = 0
    items = []
    while True:
        count += 1
        items.append(count * 10)
        yield count, list(items)

g = stateful()
for _ in range(3):
    print(next(g))

a = stateful()
b = stateful()
next(a); next(a)
print(next(a)[0], next(b)[0])

def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

class Bank:
    def __init__(self):
        self.balance = 100
    def transactions(self):
        while self.balance > 0:
            amount = yield self.balance
            self.balance -= amount or 10

bank = Bank()
t = bank.transactions()
print(next(t), t.send(30), t.send(None), t.send(50))
try:
    t.send(5)
except StopIteration:
    print("closed, balance", bank.balance)

def gen_args(a, b=2, *rest, **kw):
    yield a
    yield b
    yield rest
    yield kw
print(list(gen_args(1, 5, 6, 7, x=8)))

def closure_gen():
    factor = 3
    def inner(n):
        for i in range(n):
            yield i * factor
    return inner
print(list(closure_gen()(4)))

def gen_locals_survive_exception():
    x = "alive"
    try:
        yield 1
    except ValueError:
        yield x
gl = gen_locals_survive_exception()
next(gl)
print(gl.throw(ValueError()))

def counter_gen():
    i = 0
    while True:
        reset = yield i
        i = 0 if reset else i + 1
cg = counter_gen()
print([next(cg) for _ in range(4)], cg.send(True), next(cg))
