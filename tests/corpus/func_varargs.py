# Checks *args collection, empty args, combination with positional params and defaults.
def total(*args):
    print(type(args).__name__, args)
    return sum(args)

print(total())
print(total(1))
print(total(1, 2, 3, 4))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1))
print(head_tail(1, 2, 3))
print(head_tail(*"hello"))

def with_default(a, b=10, *args):
    return a, b, args

print(with_default(1))
print(with_default(1, 2))
print(with_default(1, 2, 3, 4))

def join_all(sep, *parts):
    return sep.join(str(p) for p in parts)

print(join_all(", ", 1, 2, 3))
print(join_all("-"))
print(join_all("+", *[10, 20], 30, *(40,)))

def everything(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs

print(everything(1, c=3))
print(everything(1, 2, 3, 4, 5, c=6, e=7))
print(everything(*[1, 2, 3], **{"c": 9, "d": 8, "x": 7}))

def maxof(*nums):
    if not nums:
        return None
    best = nums[0]
    for n in nums[1:]:
        if n > best:
            best = n
    return best

print(maxof(), maxof(3), maxof(3, 9, 2), maxof(*range(100)))
args = (1, 2)
print(head_tail(0, *args, *args))
