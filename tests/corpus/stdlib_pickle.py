import pickle

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

class Empty:
    pass

class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1

class WithState:
    def __init__(self):
        self.v = [1, 2]
        self.cache = "drop me"

    def __getstate__(self):
        return {"v": self.v}

    def __setstate__(self, st):
        self.v = st["v"]
        self.cache = None

class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n * 2,))

class MyList(list):
    pass

class MyDict(dict):
    pass

def helper():
    return 1

values = [
    None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
    2**63, -2**63, 2**64, 10**30, -10**30, 2**2100, 0.0, -0.0, 1.5, 1e300, float("inf"),
    "", "a", "héllo ☃", "x" * 300, b"", b"ab", b"\x00" * 300, (), (1,), (1, 2), (1, 2, 3),
    (1, 2, 3, 4), [], [1], [1, "a", None], {}, {"a": 1}, {"a": 1, "b": [2, 3]}, {1: 2, (3, 4): 5},
    set(), {1, 2, 3}, frozenset(), frozenset({4, 5}), range(3), range(1, 10, 2),
    [[1, 2]] * 3, list(range(1005)), {i: i for i in range(1002)},
    int, str, Point, helper, len, ValueError, KeyError, FileNotFoundError, range, chr, zip,
]
for v in values:
    for proto in (2, 3, 4, 5):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        if proto == 4 or len(data) < 60:
            print(proto, repr(v)[:60] if not callable(v) else v.__name__, data[:120], len(data))
        print(back == v or back is v, type(back).__name__)

shared = [1, 2]
obj = [shared, shared, {"k": shared}]
data = pickle.dumps(obj)
print(data)
back = pickle.loads(data)
print(back, back[0] is back[1], back[2]["k"] is back[0])
rec = []
rec.append(rec)
data = pickle.dumps(rec)
print(data)
back = pickle.loads(data)
print(back[0] is back)
d = {}
d["self"] = d
back = pickle.loads(pickle.dumps(d))
print(back["self"] is back)

for inst in [Point(1, "two"), Empty(), WithState(), Reduced(21), MyList([1, 2]), MyDict(a=1)]:
    for proto in (2, 4):
        data = pickle.dumps(inst, proto)
        back = pickle.loads(data)
        print(proto, type(back).__name__, data, getattr(back, "__dict__", None) if not isinstance(back, (list, dict)) else back)
s = Slotted()
data = pickle.dumps(s)
print(data)
back = pickle.loads(data)
print(back.a, hasattr(back, "b"))
print(pickle.loads(pickle.dumps([Point(1, 2), Point(1, 2)])))

for exc in [ValueError("bad", 3), KeyError("k"), StopIteration()]:
    data = pickle.dumps(exc)
    back = pickle.loads(data)
    print(data, type(back).__name__, back.args)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
for bad in [b"", b"garbage", b"\x80\x04K", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01"]:
    try:
        pickle.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    pickle.loads("str")
except TypeError as e:
    print("TypeError", e)
try:
    pickle.dumps((x for x in []))
except TypeError as e:
    print("TypeError", e)

class W:
    def __init__(self):
        self.parts = []
    def write(self, b):
        self.parts.append(b)
    def read(self, n=-1):
        data = b"".join(self.parts)
        self.parts = [data[n:]] if n >= 0 else []
        return data[:n] if n >= 0 else data
    def readline(self):
        return b""

w = W()
pickle.dump({"x": (1, 2.5)}, w)
pickle.dump("second", w)
print(pickle.load(w), pickle.load(w))
# CPython-made pickles load here.
print(pickle.loads(b'\x80\x03]q\x00(K\x01X\x01\x00\x00\x00aq\x01}q\x02X\x01\x00\x00\x00bq\x03G@\x04\x00\x00\x00\x00\x00\x00se.'))
print(pickle.loads(b'(lp0\nI1\naVa\np1\na(dp2\nVb\np3\nF2.5\nsa.'))
print(pickle.loads(b'\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.'))
import re
pat = re.compile(r"ab+c", re.I)
data = pickle.dumps(pat)
print(data, pickle.loads(data) == pat, pickle.loads(data).flags)
