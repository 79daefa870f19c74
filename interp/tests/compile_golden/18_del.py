# del of every kind of target.
g = 1
del g

def f(a, obj, d):
    b = a
    del b
    del obj.attr, d[0], d[1:2]
    del (a, obj)
    return d

def cell_del():
    x = 1
    def read():
        return x
    del x
    return read

class C:
    y = 2
    del y
