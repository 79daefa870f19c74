# Operators, short-circuit boolean operators, chained comparisons, conditionals.
def f(a, b, c):
    x = -a + ~b * (c ** 2) // 3 % 4
    y = not a
    z = a and b and c
    w = a or f(b)
    v = a < b <= c != 3
    u = a if b else c
    t = a is None or b is not None
    s = a in b and c not in b
    r = (1, 2, (3, "four")) , -5, -2.5
    return x, y, z, w, v, u, t, s, r
