# Checks dict methods: get/setdefault/pop/popitem/update/keys/values/items/copy/clear/fromkeys and errors.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d))
print(d.setdefault("c", 3), d.setdefault("a", 100), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
d.update({"d": 4}, e=5)
d.update([("f", 6), ("a", 10)])
print(d)
print(d.popitem(), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy()
c["new"] = True
print(d, c, c is d)
d.clear()
print(d, len(d), bool(d))
print(dict.fromkeys("abc"), dict.fromkeys(range(3), "v"), dict.fromkeys([]))
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)
print(dict(a=1, b=2), dict([("k", "v")]), dict({"m": 0}, n=1), dict(zip("xy", (7, 8))), dict())
print({1: "one", 2: "two"}.get(1), {(1, 2): "t"}[(1, 2)], {None: 0}[None], {True: "t"}[1])
for fn, label in [(lambda: {}["k"], "getitem"), (lambda: {}.pop("k"), "pop"), (lambda: {}.popitem(), "popitem"),
                  (lambda: {[1]: 2}, "list key"), (lambda: dict([1, 2]), "bad seq"), (lambda: dict([("a",)]), "short pair"),
                  (lambda: {}.update(5), "update int")]:
    try:
        fn()
    except (KeyError, TypeError, ValueError) as e:
        print(label, type(e).__name__, e)
inv = {"a": 1, "b": 2, "c": 1}
grouped = {}
for k, v in inv.items():
    grouped.setdefault(v, []).append(k)
print(grouped)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
print("a" in {"a": 1}, 1 in {"a": 1}, "a" not in {}, {"x": 1} == {"x": 1.0}, {1: 2} != {1: 3})
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])
