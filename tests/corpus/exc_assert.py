# Checks assert statements: passing, failing without and with messages, message evaluation laziness.
assert True
assert 1 == 1, "never shown"

try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print(type(e).__name__, e, e.args)

def expensive():
    print("message evaluated")
    return "expensive message"

assert True, expensive()
try:
    assert [], expensive()
except AssertionError as e:
    print(e)

try:
    assert 0, 42
except AssertionError as e:
    print(e.args, type(e.args[0]).__name__)

def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n

for v in [3, -2, 0]:
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("failed:", e)

try:
    assert isinstance("x", int), ("tuple", "message")
except AssertionError as e:
    print(e)
print(issubclass(AssertionError, Exception))
