# Sequence and mapping displays, with and without unpacking.
def f(a, b, m):
    l = [a, b, 3]
    t = (a, b)
    s = {a, b}
    d = {a: b, "k": 1}
    l2 = [*a, b, *b]
    t2 = (a, *b)
    s2 = {*a, b}
    d2 = {"x": 1, **m, "y": a}
    e = [], (), {}, set()
    return l, t, s, d, l2, t2, s2, d2, e
