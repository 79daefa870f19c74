# Checks async def/await driven manually with coro.send(None): return values via StopIteration, awaiting other coroutines.
async def add(a, b):
    return a + b

async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    print("  inside compute", x, y)
    return x * y

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine did not finish in one step")

c = compute()
print(type(c).__name__)
print(run(c))
print(run(add(20, 22)))

async def nothing():
    pass
print(run(nothing()))

async def chain(n):
    if n == 0:
        return "bottom"
    r = await chain(n - 1)
    return f"{n}>{r}"
print(run(chain(5)))

async def loop_await():
    total = 0
    for i in range(5):
        total += await add(i, i)
    return total
print(run(loop_await()))

async def raises():
    raise ValueError("async failure")
async def catches():
    try:
        await raises()
    except ValueError as e:
        return "caught: " + str(e)
print(run(catches()))

co = add(1, 1)
print(run(co))
try:
    co.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

async def with_default(x=5, *, y=6):
    return x * y
print(run(with_default()), run(with_default(2, y=3)))
print(run(compute()) == 39)
lst = [add(i, 1) for i in range(3)]
print([run(c) for c in lst])
