# Closures: cells, free variables, captured parameters, nonlocal.
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count, start
    return inc, get

def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle
