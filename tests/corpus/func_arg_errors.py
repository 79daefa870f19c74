# Checks TypeError messages for bad calls (missing, too many, unexpected, duplicate args).
def f(a, b):
    return a + b

def g(a, b=1, *, c):
    return a

def report(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print(type(e).__name__, e)

report(f, 1)
report(f)
report(f, 1, 2, 3)
report(f, 1, b=2, c=3)
report(f, 1, a=2)
report(g, 1)
report(g)
report(g, 1, 2, 3, c=4)
report(g, 1, c=2)
report(lambda: 0, 1)
report(lambda x: 0)

def nothing():
    pass
report(nothing, 1, 2)

def three(a, b, c):
    pass
report(three)
report(three, 1)

class K:
    def m(self, x):
        return x
report(K().m)
report(K().m, 1, 2)
report(K.m, 1)

def kwo(*, x, y):
    pass
report(kwo)
report(kwo, 1)
report(int, "1", "2", "3")
report(len)
report(len, [1], [2])
