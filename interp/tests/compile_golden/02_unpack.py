# Tuple/list unpacking: flat, nested, starred, and the parallel-assignment fast path.
def f(t, u):
    a, b = t
    [c, (d, e)] = u
    first, *rest = t
    *init, last = u
    p, *q, r = t
    a, b = b, a        # swap: both values copied before either store
    x.y, z[0] = 1, 2
    return a, b, c, d, e, first, rest, init, last, p, q, r

m, (n, *o) = 1, (2, 3)
