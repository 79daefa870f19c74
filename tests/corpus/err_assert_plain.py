# Fails: bare AssertionError (no message) at module level after several passing asserts.
values = [1, 2, 3]
assert len(values) == 3
print("first assert passed")
assert values == sorted(values), "values sorted"
print("second assert passed")

def mean(xs):
    assert xs, "empty input"
    return sum(xs) / len(xs)

print(mean(values))
try:
    mean([])
except AssertionError as e:
    print("caught:", e)

squares = [v * v for v in values]
assert squares == [1, 4, 9]
print("squares ok", squares)
assert sum(values) == 7
print("never printed")
