# Checks generator.throw(): exception raised at yield point, handled inside generator, propagating out, with yield from.
def resilient():
    while True:
        try:
            value = yield "ready"
            print("  value", value)
        except ValueError as e:
            print("  handled inside:", e)
            yield "recovered"

g = resilient()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated:", repr(e))
try:
    next(g)
except StopIteration:
    print("generator is finished")

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally in generator")
g2 = with_finally()
next(g2)
try:
    g2.throw(RuntimeError("stop"))
except RuntimeError as e:
    print("caught", e)

def inner():
    try:
        yield "inner-1"
    except TypeError as e:
        print("  inner handled", e)
        yield "inner-2"
    return "inner-done"

def outer():
    r = yield from inner()
    print("  outer got", r)
    yield "outer-1"

g3 = outer()
print(next(g3))
print(g3.throw(TypeError("delegated")))
print(next(g3))

g4 = resilient()
try:
    g4.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw:", e)

def catcher():
    try:
        yield
    except Exception as e:
        yield type(e).__name__
g5 = catcher()
next(g5)
print(g5.throw(IndexError))
