# Checks for/else and while/else: else runs when no break, skipped on break, nested loops, continue.
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never")
print("broke at", n)

n = 10
while n < 3:
    print("never")
else:
    print("while else with false condition")

for i in range(3):
    continue
else:
    print("else after continue-only loop, i =", i)

def primes(limit):
    out = []
    for n in range(2, limit):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            out.append(n)
    return out
print(primes(30))

for outer in range(3):
    for inner in range(3):
        if inner == outer:
            break
    else:
        print("inner completed for", outer)
    if outer == 1:
        print("outer continue")
        continue
    print("outer body", outer)
else:
    print("outer else")

def ret_in_loop():
    for x in range(5):
        if x == 2:
            return "returned " + str(x)
    else:
        return "else"
print(ret_in_loop())
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count > 6:
        break
print(count)
