# Checks match statement patterns in depth: nesting, or/as, stars, mapping rest, class patterns
# (match_args, keyword, self-matching builtins), guards, binding rules, and the errors.
from collections import deque, OrderedDict, defaultdict
from dataclasses import dataclass
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@dataclass
class Pt:
    x: int
    y: int


def classify(v):
    match v:
        case True:
            return "true"
        case False:
            return "false"
        case None:
            return "none"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "float or complex"
        case "a" | "b" as letter:
            return f"letter {letter}"
        case b"raw":
            return "bytes"
        case Color.RED:
            return "red"
        case Color():
            return f"other color {v.name}"
        case int(n) | float(n) if n > 100:
            return f"big {n}"
        case bool() | int() | float():
            return f"number {v}"
        case str(s) if s.isdigit():
            return f"digits {s}"
        case str():
            return f"string {v!r}"
        case (1, 2) | [3, 4]:
            return "one of two pairs"
        case [Pt(x=0) as p, *_]:
            return f"starts with y-axis point {p}"
        case [int() as a, [b, *c], *d]:
            return f"nested a={a} b={b} c={c} d={d}"
        case [*head, "end"]:
            return f"ends with end after {head}"
        case [first, *mid, last] if len(mid) > 2:
            return f"long {first}..{last} ({len(mid)} between)"
        case {"kind": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"kind": kind, **rest} if not rest:
            return f"bare {kind}"
        case {1: one, 2: _}:
            return f"int keys {one}"
        case Pt(0, 0):
            return "origin"
        case Pt(x, y) if x == y:
            return f"diagonal {x}"
        case Pt(x=x, y=0) | Pt(x=0, y=x):
            return f"on an axis at {x}"
        case Pt():
            return f"point {v.x},{v.y}"
        case deque() if len(v) == 2:
            x, y = v
            return f"deque pair {x} {y}"
        case set() | frozenset():
            return f"a set of {len(v)}"
        case _:
            return f"unmatched {type(v).__name__}"


values = [True, False, None, 0, 0.0, -1, 1.5, 2j, "a", "b", b"raw", Color.RED, Color.GREEN,
          500, 250.5, 7, 3.25, "123", "xyz", (1, 2), [3, 4], [1, 2], [Pt(0, 5), 1],
          [1, [2, 3, 4], 5, 6], [1, [2]], ["x", "y", "end"], [1, 2, 3, 4, 5], [1, 2, 3],
          {"kind": "circle", "r": 2, "color": "red"}, {"kind": "square"}, {"kind": "square", "s": 1},
          {1: "one", 2: "two", 3: "three"}, OrderedDict([(1, "a"), (2, "b")]), defaultdict(int, {1: 5}),
          Pt(0, 0), Pt(3, 3), Pt(4, 0), Pt(0, 6), Pt(1, 2), deque([1, 2]), deque([1]), {1, 2},
          frozenset(), object, range(2), "end", bytearray(b"raw"), {}]
for v in values:
    print(classify(v))

# Strings, bytes and bytearrays are not sequences for patterns.
for s in ["ab", b"ab", bytearray(b"ab"), ["a", "b"], range(2)]:
    match s:
        case [x, y]:
            print("sequence", x, y)
        case _:
            print("not a sequence", type(s).__name__)

# Captures bind only when the whole pattern matches; guards see them (and they stay bound).
z = "unset"
match [1, 2]:
    case [z, 3]:
        pass
    case _:
        pass
print("z after failed pattern:", z)
match [1, 2]:
    case [w, 2] if w > 5:
        print("unreachable")
    case _:
        print("guard failed, w =", w)

# Module-level and class-level matches bind names in their namespaces.
match {"name": "ember", "version": (0, 1)}:
    case {"name": str(name), "version": (major, minor)}:
        print(name, major, minor)


class Config:
    match ("debug", 3):
        case (mode, level):
            pass
print(Config.mode, Config.level)


def star_capture(seq):
    match seq:
        case [*all_items]:
            return all_items
print(star_capture((1, 2, 3)), star_capture([]), star_capture("no"))


# match_args and positional sub-patterns on user classes.
class Vec:
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z


def vec(v):
    match v:
        case Vec(0, 0, 0):
            return "zero vector"
        case Vec(x, y, z=0):
            return f"flat {x},{y}"
        case Vec(_, _, z):
            return f"z={z}"
print(vec(Vec(0, 0)), vec(Vec(1, 2)), vec(Vec(1, 2, 3)))


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class BadName:
    __match_args__ = (1,)
    a = 1


def too_many(v):
    match v:
        case NoArgs(a):
            return a


def bad_list(v):
    match v:
        case BadArgs(a):
            return a


def bad_name(v):
    match v:
        case BadName(a):
            return a


def dup_attr(v):
    match v:
        case Vec(x, x=1):
            return "dup"


def int_two(v):
    match v:
        case int(a, b):
            return a


def not_a_type(v):
    match v:
        case len():
            return "len"


class K:
    key = "k"


def dup_key(v):
    match v:
        case {"k": 1, K.key: 2}:
            return "dup"


attempt("too many", lambda: too_many(NoArgs()))
attempt("bad list", lambda: bad_list(BadArgs()))
attempt("bad name", lambda: bad_name(BadName()))
attempt("dup attr", lambda: dup_attr(Vec(1, 2)))
attempt("int two", lambda: int_two(5))
attempt("not a type", lambda: not_a_type(5))
attempt("dup key", lambda: dup_key({"k": 1, "j": 2}))
attempt("short mapping", lambda: dup_key({"k": 1}))
attempt("no match returns None", lambda: too_many(5))

# A failing match raises nothing; an error inside a case body has the case's line.
def explode(v):
    match v:
        case [x]:
            return 1 / x


attempt("body error", lambda: explode([0]))
attempt("no case", lambda: explode("abc"))
