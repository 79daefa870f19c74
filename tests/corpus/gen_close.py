# Checks generator.close(): GeneratorExit inside generator, finally blocks, yielding in handler error, closing unstarted.
def worker():
    try:
        print("  started")
        while True:
            yield "work"
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  cleanup")

g = worker()
print(next(g))
print(next(g))
g.close()
print("closed")
g.close()
print("closed twice ok")
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

unstarted = worker()
unstarted.close()
print("unstarted closed without output")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  swallowing GeneratorExit by returning")
        return "ignored"
r = returns_on_exit()
next(r)
print(r.close())

def finished():
    yield 1
f = finished()
list(f)
print(f.close())

def nested():
    try:
        yield from worker()
    finally:
        print("  outer finally")
n = nested()
next(n)
n.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))

def catch_all():
    try:
        yield 1
    except Exception:
        print("  never: GeneratorExit is not an Exception")
    finally:
        print("  catch_all finally")
c = catch_all()
next(c)
c.close()
