# Lambdas, defaults, keyword-only defaults, positional-only parameters, *args/**kwargs.
def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    return a, b, c, args, d, e, kw

square = lambda x: x * x
adder = lambda x, *, y=10: x + y

def make(n):
    return lambda k=n: k + n
