# Assignment expressions: in a function, in a comprehension (binds the enclosing
# function's variable through a cell), and at module level.
def f(data):
    if (n := len(data)) > 3:
        return n
    total = [last := x for x in data]
    return total, last

def g(x):
    return x + (x := 5)     # the old x is read first

if (m := 10) > 5:
    print(m)

[y := v for v in range(3)]
