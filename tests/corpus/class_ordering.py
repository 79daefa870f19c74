# Checks rich comparisons __lt__/__le__/__gt__/__ge__, reflection, sorting custom objects, errors.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "0.9.9", "1.2.1", "2.0"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.2") < Version("1.10"), Version("2.0") > Version("1.99"))
print(Version("1.0") >= Version("1.0"), Version("1.0") <= Version("0.5"))

class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  lt({self.v}, {other.v})")
        return self.v < other.v
a, b = OnlyLt(1), OnlyLt(2)
print(a < b)
print(b > a)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)

try:
    [1] < "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 < None
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print(type(e).__name__, e)

print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), [2] > [1, 9])
print("abc" < "abd", "Z" < "a", "" < "a")

class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return "gt-called"
print(1 < Rev(0))

people = [("bob", 25), ("amy", 30), ("cat", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
