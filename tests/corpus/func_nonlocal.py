# Checks nonlocal rebinding across multiple levels and in loops.
def outer():
    x = 1
    def inner():
        nonlocal x
        x = x + 1
        return x
    inner()
    inner()
    return x

print(outer())

def level1():
    a = "L1"
    def level2():
        def level3():
            nonlocal a
            a = a + "-L3"
        level3()
        return a
    r = level2()
    return r, a

print(level1())

def accumulator():
    total = 0
    history = []
    def add(n):
        nonlocal total
        total += n
        history.append(total)
        return total
    def state():
        return total, history
    return add, state

add, state = accumulator()
for n in [5, 10, -3]:
    add(n)
print(state())

def fib_gen_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt

nxt = fib_gen_closure()
print([nxt() for _ in range(12)])

def shadow():
    x = "outer"
    def inner():
        x = "inner-local"
        return x
    inner()
    return x
print(shadow())

def swap_demo():
    p, q = 1, 2
    def swap():
        nonlocal p, q
        p, q = q, p
    swap()
    return p, q
print(swap_demo())

def nonlocal_del():
    v = 5
    def setter(n):
        nonlocal v
        v = n
    setter(42)
    return v
print(nonlocal_del())
