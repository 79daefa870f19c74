# Checks dict and set comprehensions: key collisions, filtering, inversion, nested, set of small ints.
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
d = {"one": 1, "two": 2, "three": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v > 1})
print({k.upper(): len(k) for k in d})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({x: [y for y in range(x)] for x in range(4)})
print({x % 5 for x in range(20)})
print({x * x for x in range(-3, 4)})
print(sorted({c for c in "mississippi"}))
print({n for n in range(30) if n % 7 == 0} | {1})
print(len({s.lower() for s in ["A", "a", "B", "b", "c"]}))
print({i: {j for j in range(i)} for i in range(4)})
print(type({}).__name__, type({1}).__name__, type({x for x in ()}).__name__)
print({k: v for k, v in zip(range(3), "abc")})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print({k: v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
print(dict.fromkeys(range(3), 0) == {i: 0 for i in range(3)})
print({x: x for x in range(5)}.keys() & {3, 4, 5})
