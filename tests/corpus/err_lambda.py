# Fails: ZeroDivisionError raised inside a lambda called through map/list.
ratios = [4, 2, 0, 1]
invert = lambda x: 1 / x
safe_invert = lambda x: 1 / x if x else float("inf")

print(invert(4))
print(list(map(safe_invert, ratios)))
print(sorted(ratios, key=lambda r: -r))

ops = {
    "double": lambda v: v * 2,
    "halve": lambda v: v / 2,
}
for name, op in ops.items():
    print(name, [op(r) for r in ratios])

try:
    invert(0)
except ZeroDivisionError as e:
    print("caught:", e)
print(list(map(invert, ratios)))
