# Checks generator finally/cleanup timing: explicit close, exhaustion, break out of for-loop with explicit close, and return inside try.
def resource(name):
    print("  open", name)
    try:
        for i in range(3):
            yield f"{name}-{i}"
    finally:
        print("  close", name)

for item in resource("a"):
    print(item)

g = resource("b")
for item in g:
    print(item)
    if item.endswith("1"):
        break
print("after break, closing explicitly")
g.close()

g2 = resource("c")
print(next(g2))
g2.close()
print("closed c")

def early_return():
    try:
        yield 1
        return
        yield 2
    finally:
        print("  early_return finally")
print(list(early_return()))

def nested():
    try:
        yield from resource("inner")
    finally:
        print("  nested finally")
n = nested()
print(next(n), next(n))
n.close()

def counting():
    n = 0
    try:
        while True:
            n += 1
            yield n
    except GeneratorExit:
        print("  GeneratorExit after", n, "items")
        raise
c = counting()
print([next(c) for _ in range(4)])
c.close()
print("end")
