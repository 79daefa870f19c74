# Comprehensions compile to nested functions taking the first iterator as `.0`.
def f(xs, ys, n):
    a = [x * n for x in xs]
    b = {x for x in xs if x if x > n}
    c = {k: v for k, v in ys}
    d = [(x, y) for x in xs for y in ys if x != y]
    e = (x + n for x in xs)
    return a, b, c, d, e

squares = [i * i for i in range(10)]
