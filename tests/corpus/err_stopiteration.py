# Fails: uncaught StopIteration from next() on an exhausted iterator at module level.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, "default instead of error"))
print(list(it))

def first_even(nums):
    return next(n for n in nums if n % 2 == 0)

print(first_even([1, 3, 4, 6]))
try:
    first_even([1, 3])
except StopIteration:
    print("caught StopIteration from first_even")

gen = (c for c in "ab")
print(list(gen), next(gen, None))
print(next(it))
print("never printed")
