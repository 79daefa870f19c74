# Fails: AssertionError with a message from a failed assert inside a function.
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, f"not sorted: {a} > {b}"
    return True

def check_all(cases):
    for case in cases:
        print("checking", case)
        print("result", check_sorted(case))

check_all([[], [1], [1, 2, 3], [1, 1, 2]])
try:
    check_sorted([2, 1])
except AssertionError as e:
    print("caught first failure:", e)

assert check_sorted(list(range(10))), "range should be sorted"
print("range check passed")

check_all([[5, 6], [1, 3, 2], [0]])
print("never printed")
