# Checks comprehension scoping: loop var not leaking, class body access rules, closures capturing comprehension vars.
x = "global"
result = [x for x in range(3)]
print(result, x)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])

class C:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    pairs = [(a, b) for a in base for b in range(a)]
print(C.doubled, C.pairs)

try:
    class D:
        n = 5
        vals = [n * i for i in range(3)]
except NameError as e:
    print(type(e).__name__, e)

def nested_scope():
    total = 100
    return [[total + i + j for j in range(2)] for i in range(2)]
print(nested_scope())

def walrus_in_comp():
    data = [1, 5, 3, 8, 2]
    found = [last := v for v in data if v > 2]
    return found, last
print(walrus_in_comp())

z = 7
print([z for _ in range(2)], {z: z}, {z}, list(z for _ in range(1)))
print([i for i in range(3)] + [i for i in range(3, 5)])
try:
    print(i)
except NameError as e:
    print(type(e).__name__, e)
