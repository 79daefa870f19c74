# Generators: yield, yield from, send values, return values.
def gen(n):
    i = 0
    while i < n:
        received = yield i
        if received:
            i = received
        i += 1
    return i

def delegate(it):
    result = yield from it
    yield
    return result
