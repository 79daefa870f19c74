# Checks custom awaitables (__await__ generators), suspension points, and a tiny manual scheduler.
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        print("  suspending at", self.label)
        received = yield self.label
        print("  resumed with", received)
        return f"result-of-{self.label}"

async def task(name, steps):
    results = []
    for i in range(steps):
        r = await Suspend(f"{name}{i}")
        results.append(r)
    return results

coro = task("A", 2)
print(coro.send(None))
print(coro.send("first"))
try:
    coro.send("second")
except StopIteration as e:
    print("finished:", e.value)

def scheduler(coros):
    queue = [(name, c, False) for name, c in coros]
    results = {}
    tick = 0
    while queue:
        name, c, started = queue.pop(0)
        try:
            yielded = c.send(tick if started else None)
            print(f"tick {tick}: {name} yielded {yielded}")
            queue.append((name, c, True))
        except StopIteration as e:
            results[name] = e.value
            print(f"tick {tick}: {name} done")
        tick += 1
    return results

print(scheduler([("X", task("x", 2)), ("Y", task("y", 1)), ("Z", task("z", 3))]))

class Immediate:
    def __await__(self):
        return iter([])
async def uses_immediate():
    v = await Immediate()
    return v
try:
    uses_immediate().send(None)
except StopIteration as e:
    print("immediate value", e.value)

class NotAwaitable:
    pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)

async def throws_inside():
    try:
        await Suspend("t")
    except KeyError as e:
        return "handled " + repr(e)
c = throws_inside()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
c2 = task("closing", 3)
c2.send(None)
c2.close()
print("closed coroutine")
