# Two-part slices a[i:j] / a[i:j] = v: bounds (negative, out of range, None, huge, __index__), errors, subclasses, user __getitem__/__setitem__


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("index", self.n)
        return self.n

    def __repr__(self):
        return "Idx(%d)" % self.n


class NotIdx:
    pass


def show(label, v):
    print(label, type(v).__name__, repr(v))


lst = [0, 1, 2, 3, 4, 5, 6, 7]
tup = (0, 1, 2, 3, 4, 5, 6, 7)
s = "abcdefgh"
u = "aé€😀bcdé"
b = b"abcdefgh"
ba = bytearray(b"abcdefgh")
BIG = 10**30

bounds = [None, 0, 1, 3, -1, -3, 7, 8, 9, 100, -100, BIG, -BIG, True, False]
for seq in (lst, tup, s, u, b, ba, range(8)):
    out = []
    for lo in bounds:
        for hi in bounds:
            out.append(seq[lo:hi])
    print(type(seq).__name__, len(out), out[:5], out[-5:])
    print(" ", [seq[lo:] for lo in bounds])
    print(" ", [seq[:hi] for hi in bounds])
    print(" ", seq[:], seq[2:5], seq[-2:], seq[5:2], seq[-BIG:BIG])

# All parts evaluated left to right, each once.
def part(tag, v):
    print("eval", tag)
    return v


print(part("obj", lst)[part("lo", 1) : part("hi", 3)])
target = list(range(6))
part("obj", target)[part("lo", 1) : part("hi", 3)] = part("val", "xyz")
print(target)

# __index__ bounds: called once each, start first.
print(lst[Idx(2) : Idx(-2)], s[Idx(1) :], tup[: Idx(3)], b[Idx(1) : Idx(3)])
print(range(10)[Idx(2) : Idx(8)])

# Full slices of immutable exact sequences are the object itself (CPython does the same).
print(tup[:] is tup, s[:] is s, b[:] is b, s[0:] is s, tup[0:8] is tup)
print(lst[:] is lst, lst[:] == lst, ba[:] is ba)

# Errors.
for seq in (lst, tup, s, b, ba):
    for lo, hi in (("a", None), (None, 1.5), (NotIdx(), 2), (1, [])):
        try:
            seq[lo:hi]
        except TypeError as e:
            print("TypeError", type(seq).__name__, e)
for obj in (5, None, {1: 2}, {1, 2}):
    try:
        obj[1:2]
    except TypeError as e:
        print("TypeError", e)
try:
    d = {}
    d[1:2]
except (TypeError, KeyError) as e:
    print(type(e).__name__, e)
try:
    s[1:2] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    tup[1:2] = (1,)
except TypeError as e:
    print("TypeError", e)
try:
    b[0:1] = b"z"
except TypeError as e:
    print("TypeError", e)
try:
    lst2 = [1, 2, 3]
    lst2[0:1] = 5
except TypeError as e:
    print("TypeError", e)
try:
    lst2[0:"x"] = [1]
except TypeError as e:
    print("TypeError", e)


class Boom:
    def __index__(self):
        raise ValueError("boom")


try:
    lst[Boom() :]
except ValueError as e:
    print("ValueError", e)

# Tracebacks point at the slicing line.
def fails(x):
    y = 1
    return x[y:"z"]


try:
    fails([1, 2])
except TypeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno, e)

def fails_store(x):
    x[1:2] = 3


try:
    fails_store([1, 2])
except TypeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno, e)

# Slice assignment on lists: grow, shrink, same length, empty, negative, out of range.
for lo, hi, val in [
    (1, 3, ["a", "b"]),
    (1, 3, ["a"]),
    (1, 3, ["a", "b", "c", "d"]),
    (None, None, []),
    (-2, None, "xy"),
    (100, 200, (9, 9)),
    (-100, 2, range(3)),
    (5, 2, ["q"]),
    (None, 0, iter([7, 8])),
    (Idx(1), Idx(2), ["i"]),
    (BIG, None, [1]),
    (-BIG, 1, [2]),
]:
    t = list(range(6))
    t[lo:hi] = val
    print(lo if not isinstance(lo, Idx) else "Idx", hi if not isinstance(hi, Idx) else "Idx", t)
t = [1, 2, 3]
t[:] = t
print(t)
t[1:] = t
print(t)
ba2 = bytearray(b"hello")
ba2[1:3] = b"EY"
ba2[-1:] = b"OO"
print(ba2)


# User classes receive real slice objects.
class Recorder:
    def __getitem__(self, key):
        print("getitem", type(key).__name__, key, key.start, key.stop, key.step)
        return key

    def __setitem__(self, key, value):
        print("setitem", type(key).__name__, key, value)


r = Recorder()
k = r[1:2]
r[:]
r[-1:]
r[:"x"]
r[Idx(3) : None]
r[1:2] = "v"
r[:] = None
print(k.indices(10))


# Subclasses of the builtin sequences behave as before (and keep their own dunders).
class L(list):
    pass


class T(tuple):
    pass


class S(str):
    pass


class B(bytes):
    pass


class BA(bytearray):
    pass


for seq in (L([0, 1, 2, 3]), T((0, 1, 2, 3)), S("0123"), B(b"0123"), BA(b"0123")):
    show("sub", seq[1:3])
    show("sub", seq[:])
    print(seq[:] is seq)
sl = L([0, 1, 2, 3])
sl[1:3] = ["x"]
print(sl, type(sl).__name__)
plain = [0, 1, 2, 3]
plain[1:2] = L(["s", "t"])
plain[:1] = T(("u",))
print(plain)


class LogList(list):
    def __getitem__(self, key):
        print("LogList get", key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        print("LogList set", key, value)
        super().__setitem__(key, value)


ll = LogList([1, 2, 3, 4])
print(ll[1:3], ll[:])
ll[0:2] = [9]
print(ll)


class LogStr(str):
    def __getitem__(self, key):
        print("LogStr get", key)
        return str.__getitem__(self, key)


print(LogStr("hello")[1:-1])


class LogTuple(tuple):
    def __getitem__(self, key):
        return ("LogTuple", key)


print(LogTuple((1, 2))[0:1])

# Augmented assignment and del with two-part slices.
t = [1, 2, 3, 4]
t[1:3] += ["x"]
print(t)
del t[1:2]
print(t)
