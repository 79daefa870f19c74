# Fails: ValueError raised at module level after some output (traceback to stderr, exit code 1).
print("before the error")
values = [1, 2, 3]
print(sum(values))

def validate(v):
    if v < 0:
        raise ValueError(f"negative value: {v}")
    return v

print([validate(v) for v in values])
try:
    validate(-1)
except ValueError as e:
    print("caught:", e)

for v in values:
    print("value", v, "ok")
if sum(values) > 5:
    raise ValueError("top-level failure")
print("never printed")
