# Checks unpacking inside literals: [*a, *b], (*a,), {*a, *b}, {**d1, **d2} with override order.
a = [1, 2]
b = (3, 4)
print([*a, *b])
print([0, *a, 5, *b, 6])
print((*a, *b))
print((*a,))
print({*a, *b, 1})
print([*range(3), *"xy"])
print([*{"k1": 1, "k2": 2}])
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2})
print({**d2, **d1})
print({"a": 0, **d1, "c": -1})
print({**d1, "a": "override"})
print({**{}, **{}})
print([*[], *()])
nested = [[*a, *a], [*b]]
print(nested)
s = "hi"
print([*s, *s.upper()])
print({*range(4)} - {*range(2)})
merged = {**dict.fromkeys("ab", 0), **{"b": 1}}
print(merged)
print(len([*range(100), *range(50)]))
print((*(x * 2 for x in range(3)), "end"))
