# Checks argument unpacking in calls: f(*a), f(**k), multiple stars, mixed with explicit args.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

nums = [1, 2, 3]
opts = {"x": 10, "y": 20}
print(show(*nums))
print(show(**opts))
print(show(*nums, **opts))
print(show(0, *nums, 4, *nums))
print(show(*nums, z=0, **opts))
print(show(**opts, **{"z": 1}))
print(show(*"ab", *range(2), *(9,)))
print(show(*[], **{}))

def point(x, y, z=0):
    return (x, y, z)
print(point(*[1, 2]))
print(point(*[1, 2, 3]))
print(point(**{"y": 5, "x": 4}))
print(point(1, **{"z": 9, "y": 8}))
print(point(*(1,), **{"y": 2}))

print(*nums)
print(*nums, sep=", ")
print(*"spam", sep="|")
print(*[], "empty star ok")
args = ("a", "b")
kwargs = {"sep": "+", "end": "!\n"}
print(*args, **kwargs)

def gen():
    yield 1
    yield 2
print(show(*gen()))
print(show(*{3: "x", 4: "y"}))
print(show(**dict(a=1, b=2)))
print(max(*[3, 9, 2]), min(*"zebra"))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
