# Checks generator.send(): priming, values received by yield expressions, send to unstarted generator error.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
        print("  got", value)
    return received

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def running_average():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

avg = running_average()
next(avg)
for v in [10, 20, 30, 40]:
    print("avg", avg.send(v))

g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print(type(e).__name__, e)

def accumulate():
    total = 0
    while True:
        cmd = yield total
        if cmd == "reset":
            total = 0
        elif isinstance(cmd, int):
            total += cmd
acc = accumulate()
print(next(acc), acc.send(5), acc.send(7), acc.send("reset"), acc.send(3), next(acc))

def gen_exhausted():
    yield 1
ge = gen_exhausted()
next(ge)
try:
    ge.send(1)
except StopIteration:
    print("StopIteration on send after last yield")
try:
    ge.send(2)
except StopIteration:
    print("StopIteration again")

def two_way():
    a = yield "first"
    b = yield f"got {a}"
    yield f"then {b}"
tw = two_way()
print(next(tw), tw.send("x"), tw.send("y"))
