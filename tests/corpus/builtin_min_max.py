# Checks min/max: iterables vs multiple args, key, default, ties (first wins), empty errors, mixed numbers.
print(max([3, 7, 2]), min([3, 7, 2]), max(3, 7, 2), min(3, 7, 2), max("hello"), min("hello"))
print(max([1, 2.5, 2]), min(-1, -1.5), max([[1, 2], [1, 3]]), max((1, "b"), (1, "a")))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "kiwi"], key=len))
print(max([(1, "first"), (1, "second")], key=lambda t: t[0]), min([(1, "first"), (1, "second")], key=lambda t: t[0]))
print(max([], default="empty"), min([], default=None), max([5], default=0), max((), key=len, default=-1))
print(max({3: "a", 9: "b"}), min({"b": 1, "a": 2}, key=lambda k: k), max(range(10), key=lambda n: n % 4))
print(max(-5, 3, key=abs), min([-7, 3, 5], key=abs), max("b", "a", "c"), max(True, 0), min(False, 0))
for fn, label in [(lambda: max([]), "max([])"), (lambda: min(()), "min(())"), (lambda: max(1), "max(1)"),
                  (lambda: max(1, 2, default=0), "max default with args"), (lambda: min([1, "a"]), "mixed"),
                  (lambda: max(), "max()")]:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
data = {"a": 3, "b": 7, "c": 7}
print(max(data, key=data.get), min(data.values()), max(data.items(), key=lambda kv: kv[1]))
print(max(x * x for x in range(-5, 3)), min((len(w), w) for w in ["bb", "a", "c"]))
class Score:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Score({self.v})"
print(max(Score(3), Score(9), Score(1)), min([Score(4), Score(2)]), max([Score(5), Score(5)], key=lambda s: s.v))
