# for loops: plain and non-local targets, tuple targets, else, break and continue.
def f(items, d):
    total = 0
    for x in items:
        if x is None:
            continue
        if x > 100:
            break
        total += x
    else:
        total = -1
    for k, v in d.items():
        total += v
    for obj.attr in items:
        pass
    for i in range(3):
        for j in range(i):
            total += i * j
    return total

for g in [1, 2]:
    print(g)
