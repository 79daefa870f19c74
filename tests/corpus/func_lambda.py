# Checks lambda expressions: defaults, varargs, immediately invoked, in sort keys, __name__.
sq = lambda x: x * x
print(sq(7), sq.__name__)

add = lambda a, b=10: a + b
print(add(1), add(1, 2))

va = lambda *a, **k: (a, sorted(k.items()))
print(va(1, 2, z=3, y=4))

print((lambda: "iife")())
print((lambda x, y: x ** y)(2, 10))

pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(pairs, key=lambda p: (p[0], p[1])))

compose = lambda f, g: lambda x: f(g(x))
h = compose(str, lambda n: n + 1)
print(repr(h(41)))

cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(n) for n in range(5)])

nested = lambda x: (lambda y: x + y)
print(nested(3)(4))

kwonly = lambda a, *, b: a - b
print(kwonly(10, b=3))

ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}
for sym in ["+", "-", "*"]:
    print(sym, ops[sym](6, 3))

print(list(map(lambda x: x * 3, [1, 2, 3])))
print(list(filter(lambda x: x % 3 == 0, range(10))))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(callable(sq), type(sq).__name__)
