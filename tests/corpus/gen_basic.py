# Checks basic generators: lazy execution order, next(), StopIteration, exhaustion, local state.
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  end")

g = count_up(3)
print(type(g).__name__)
print("created")
print(next(g))
print(next(g))
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def squares():
    for i in range(5):
        yield i * i
print(sum(squares()), max(squares()), list(squares()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def empty():
    return
    yield
print(list(empty()))

def gen_with_return():
    yield 1
    return "done"
    yield 2
print(list(gen_with_return()))

def two_gens():
    yield "a"
    yield "b"
g1, g2 = two_gens(), two_gens()
print(next(g1), next(g1), next(g2))
print(next(g1, "default"), next(g2))

def evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n
print(list(evens(11)))
print(dict(zip("abc", count_up(10))))
def yield_expr_value():
    x = yield
    print("  received", x)
gen = yield_expr_value()
print(next(gen))
try:
    next(gen)
except StopIteration:
    print("finished; x was None")
