# Checks structural pattern matching: literals, captures, sequences, mappings, class patterns, guards, or-patterns.
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case str(s):
            return f"short string {s}"
        case [x]:
            return f"one-item list {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"type": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case {"type": t, **others}:
            return f"typed {t} with {others}"
        case None:
            return "none"
        case _:
            return "something else"

for v in [0, 2, -7, "hello", "hi", [9], (1, 2), [1, 2, 3], {"type": "point", "x": 1, "y": 2},
          {"type": "box", "w": 3}, None, 3.5, 100]:
    print(repr(v), "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=x, y=0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "elsewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2), "x"]:
    print(where(p))

def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["take", item, *_]:
            return "taking " + item
        case []:
            return "empty"
        case _:
            return "unknown"
for c in ["go north", "go east", "take lamp now", "", "dance"]:
    print(repr(c), command(c))
