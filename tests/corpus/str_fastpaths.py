# Fast paths for str methods, dict copies, list slices and homogeneous sort keys agree
# with the general paths (edge cases: holes in dicts, subclasses, mixed key kinds).
d = {"a": 1, "b": 2}
del d["a"]
d["c"] = 3
e = dict(d)
print(e, len(e), list(e.items()))
e["z"] = 9
print(d, e)
f = {}
f.update(d)
print(f)
class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
print(D(d))
l = list(range(10))
print(l[2:5], l[::-1][1:3], l[5:2], l[-3:], l[1:8:3], l[100:], l[-100:2])
class I:
    def __index__(self): return 2
print(l[I():I()+3 if False else 5])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted(["b", "a", "c"]), sorted([3.5, -1.0, 2.0]))
print(sorted([(1, "a"), (1, 2)] if False else [(1, "a", 2), (1, "a")]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as ex:
    print("TypeError", ex)
print(sorted([(0, 1.5), (0, 1)]) if False else sorted([1, 2.5, 0]))
print("a&b".replace("&", "&amp;"), "aaa".replace("a", "bb", 2), "abc".replace("", "-"), "x".replace("x", ""))
print("a,b,,c".split(","), "a,b".split(",", 0), "-".join(("x", "y")), str(5), str("s"), str(b"x", "ascii"))
print("héllo".upper(), "ABC".lower(), "abc".startswith("ab"), "a b".partition(" "))
words = ["b|a", "a|b", "a|a", "c", "b"]
counts = {w: len(w) for w in words}
print(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
print(sorted(counts.items(), key=lambda item: (-item[1], item[0]), reverse=True))
print(sorted([(1, 2.0), (1, float("nan")), (0, 3.0)])[0])
print(sorted([-0.0, 0.0, -1.5]), sorted([True, 2, 0]))
print("Ünïcode ünï".replace("ü", "u"), "ab" * 3 + "c".join("xyz"), "x".join([]))
try:
    "".join(["a", 1])
except TypeError as ex:
    print(ex)
print("%s-%d" % ("k", 3), "{}={}".format("a", 1), "abcabc".count("bc"), "abcabc".find("ca"))

# Character comparisons (one byte each compare inline) next to longer and non-ASCII strs.
chars = ['"', "0", "9", "a", "z", "A", "\x7f", "é", "ab", "", " ", "€"]
table = []
for x in chars:
    row = ""
    for y in chars:
        row += "".join("1" if r else "0" for r in (x < y, x <= y, x == y, x != y, x > y, x >= y))
    table.append(row)
print(len(table), sum(r.count("1") for r in table), table[0][:24], table[7][:24])
digits = sum(1 for ch in "json: [1, 22, 333]" if "0" <= ch <= "9")
print("digits", digits)
