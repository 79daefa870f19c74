# Assignment to every kind of simple target, at module level and in a function.
x = 1
y = z = x
obj.attr = y
d[k] = x
d[1:2] = [x]
d[::2] = ()

def f(a, b):
    c = a + b          # straight into the local
    c = [c, 1]         # reads c before writing it
    a.field = c
    b[0] = c
    g = h = a
    return g
