# Checks dict views (live updates, set operations, len, reversed) and insertion order after deletes/reinserts.
d = {"x": 1, "y": 2, "z": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["w"] = 4
print(list(k), list(v), list(it), len(k))
del d["y"]
print(list(k), list(v), list(it))
d["y"] = 20
print(list(d))
d["x"] = 100
print(list(d.items()))
print("x" in k, 100 in v, ("x", 100) in it, ("x", 1) in it)
print(sorted(k & {"x", "q"}), sorted(k | {"q"}), sorted(k - {"x"}), sorted(k ^ {"x", "q"}))
print(sorted(it & {("x", 100)}), k == {"x", "z", "w", "y"}, k.isdisjoint({"a"}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
order = {}
for key in [5, 3, 9, 1]:
    order[key] = str(key)
del order[3]
order[3] = "3 again"
order[5] = "5 updated"
print(order, list(order))
try:
    for key in d:
        d["new-" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print(type(e).__name__, e)
print(type(k).__name__, type(v).__name__, type(it).__name__)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
big[0] = "back"
print(len(big), list(big)[:3], list(big)[-3:])
print(list({"b": 1, "a": 2}), list({2: "x", 1: "y"}), {1: "a", 2: "b"} == {2: "b", 1: "a"})
