# Checks break/continue inside try/except/finally blocks in loops, and finally ordering.
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop 1")

i = 0
while i < 10:
    i += 1
    try:
        if i % 2:
            raise ValueError(i)
    except ValueError as e:
        print("odd", e)
        continue
    finally:
        print("cleanup", i)
    if i >= 4:
        break
    print("even", i)
print("after loop 2", i)

def swallow():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            break
    return "swallowed by break"
print(swallow())

def cont():
    out = []
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            out.append(i)
            continue
    return out
print(cont())

for outer in range(2):
    for inner in range(3):
        try:
            if inner == 1:
                break
        finally:
            print("inner finally", outer, inner)
    else:
        print("no break")

result = []
for x in range(4):
    try:
        try:
            if x == 2:
                continue
            result.append(x)
        finally:
            result.append("f" + str(x))
    finally:
        result.append("F" + str(x))
print(result)
