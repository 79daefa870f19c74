import json

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

# --- dumps: scalars and containers
for v in [None, True, False, 0, -5, 10**30, 1.0, 1e16, 1e-7, 0.1, -0.0, 3.14159, 1e300,
          float('inf'), float('-inf'), float('nan'), "", "abc", "é", "\U0001F600",
          "tab\tnl\ncr\rbs\\q\"", "\x00\x01\x1f\x7f", "\u2028\u2029", [], {}, (), [1, [2, [3]]],
          (1, 2), {"a": 1, "b": [True, None]}]:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False))

print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps({"z": 1, "a": 2, "m": [3, {"y": 1, "b": 2}]}, sort_keys=True))
print(json.dumps([1, [2, {}], [], {"a": [1, 2], "b": {}}], indent=2))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=0))
print(json.dumps({"a": 1, "b": [1, 2]}, indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=4, sort_keys=True))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=2, separators=(", ", " = ")))
print(json.dumps([1, 2], indent=None, separators=(";", ":")))

# --- dumps: errors and hooks
show(json.dumps, {(1, 2): 3})
show(json.dumps, {(1, 2): 3, "a": 1}, skipkeys=True)
show(json.dumps, set())
show(json.dumps, [1, object.__new__(object).__class__])
show(json.dumps, b"bytes")
show(json.dumps, float("nan"), allow_nan=False)
show(json.dumps, [float("inf")], allow_nan=False)
show(json.dumps, {"a": 1, 2: "b"}, sort_keys=True)
show(json.dumps, 1, 2)
l = []
l.append(l)
show(json.dumps, l)
d = {}
d["self"] = d
show(json.dumps, d)
show(json.dumps, {1, 2, 3}, default=sorted)
show(json.dumps, {"s": {3, 1, 2}}, default=lambda o: sorted(o), indent=1)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.dumps({"p": Point(0, 0)}, cls=PointEncoder, indent=2, sort_keys=True))
show(json.dumps, [Point(1, 2), {1, 2}], cls=PointEncoder)
print(json.JSONEncoder().encode({"k": [1, 2.5, "x"]}))
print(json.JSONEncoder(sort_keys=True, indent=1).encode({"b": 1, "a": 2}))
print(''.join(json.JSONEncoder().iterencode([1, 2, {"a": None}])))

# --- loads
for s in ['1', '-1', '1.5', '-0.0', '1e5', '1E-3', '2.5e+10', '12345678901234567890123', '"x"',
          '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud83d\\ude00"', '"é😀"', 'true', 'false', 'null',
          '[]', '{}', ' [1, 2, [3, {"a": [4]}]] ', '{"a": 1, "a": 2}', 'NaN', 'Infinity',
          '-Infinity', '\n\t{"k" :\n "v" , "n":[ ] }\r\n', '[1.0, 10, 0.5e1, 1e400, -1e400]',
          '{"nested": {"deep": {"deeper": [true, false, null]}}}']:
    print(repr(json.loads(s)))

for s in ["", " ", "[1,]", '{"a":1,}', '"\\x"', '"\\u12"', '"\\u12zz"', '"abc', '"a\nb"', "{",
          '{"a"', '{"a":', '[1', '1.', '1e', '-', '01', '[1 2]', 'nul', '"\\', ' 1 x', '{1:2}',
          '[1,\n2,\n3 4]', '{\n  "a": 1\n  "b": 2\n}', 'tru', '[', ']', '{"a" 1}', "'single'",
          '[1, 2', '{"a": [1, {"b": }]}', '   \n\n  x', '"\t"']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)

show(json.loads, 5)
show(json.loads, None)
show(json.loads, b'{"a": [1, 2]}')
show(json.loads, '"a\tb"', strict=False)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads("[1, 2, oops]")
except ValueError as e:
    print("ValueError caught:", e)

# hooks
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2, 3.25]', parse_float=lambda s: "F" + s, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s.lower()))
print(json.decoder.JSONDecoder().raw_decode('[1, 2] tail'))
print(json.JSONDecoder().raw_decode('xx{"a": 1}', 2))
print(json.JSONDecoder().decode('{"ok": true}'))

# round trips
doc = {"name": "Ember", "version": [0, 1, 0], "tags": ["fast", "jit"], "ratio": 0.75,
       "nested": {"empty": {}, "list": [], "none": None, "uni": "naïve ☃"}}
text = json.dumps(doc, sort_keys=True, indent=2)
print(text)
print(json.loads(text) == doc)
print(json.loads(json.dumps(doc, ensure_ascii=False)) == doc)

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def read(self):
        return "".join(self.parts)

w = Writer()
json.dump({"x": [1, 2, 3]}, w, indent=1)
print(w.read())
print(json.load(w))
class MyInt(int): pass
class MyStr(str): pass
class MyFloat(float): pass
class MyDict(dict): pass
class MyList(list): pass
print(json.dumps([MyInt(5), MyStr("s"), MyFloat(2.5), MyDict(a=1), MyList([1]), (1, (2,))]))
print(json.dumps({MyInt(3): 1, MyStr("k"): 2}))
print(json.dumps("x", ensure_ascii=False), json.dumps(None), json.loads('"\\u00e9"'), json.loads(' {"a" : [ 1 , { } ] } '))
import io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.loads(json.dumps({"emoji": "😀", "ctrl": "\x01"})), json.dumps({"a": float("nan")}))
