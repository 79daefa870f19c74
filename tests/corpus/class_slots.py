# Checks __slots__: allowed attributes, AttributeError on others, no __dict__, inheritance.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
print(P.__slots__)

q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print(type(e).__name__, e)

del p.y
try:
    print(p.y)
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 5
print(p.y)

class P3(P):
    __slots__ = ("z",)
t = P3(1, 2)
t.z = 3
print(t.x, t.y, t.z)
try:
    t.w = 4
except AttributeError as e:
    print(type(e).__name__, e)

class Loose(P):
    pass
l = Loose(1, 2)
l.anything = "ok"
print(l.anything, l.__dict__)

class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only)

class WithClassAttr:
    __slots__ = ("a",)
    b = "class-level"
w = WithClassAttr()
print(w.b)
try:
    w.b = "x"
except AttributeError as e:
    print(type(e).__name__, e)
