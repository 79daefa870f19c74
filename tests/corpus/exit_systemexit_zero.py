# Exits with code 0 via SystemExit(0) in the middle of the program; later code must not run.
print("step 1")

def process(i):
    if i == 2:
        raise SystemExit(0)
    return i * i

try:
    raise SystemExit(5)
except SystemExit as e:
    print("intercepted code", e.code)

results = []
try:
    for i in range(5):
        results.append(process(i))
        print("loop", i, results)
finally:
    print("finally sees", results)
print("never printed")
