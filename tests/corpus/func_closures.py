# Checks closures: captured variables, late binding, independent closure instances, cell sharing.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1(), c2())

funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def shared():
    value = []
    def push(x):
        value.append(x)
    def get():
        return list(value)
    return push, get

push, get = shared()
push(1); push(2); push(3)
print(get())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()

print(outer()())

def late():
    fns = []
    for k in range(3):
        def f():
            return k * 10
        fns.append(f)
    k = 100
    return [f() for f in fns]
print(late())

def make_multipliers():
    return [lambda x, m=m: x * m for m in range(1, 4)]
print([m(10) for m in make_multipliers()])

def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(add5.__closure__ is not None, len(add5.__closure__))
print(add5.__closure__[0].cell_contents)
