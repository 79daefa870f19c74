# Fails: AttributeError for a missing attribute on an instance.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

p = Point(1, 2)
q = Point(4, 6)
print(p, q, p.dist2(q))
print(p.x, p.y)
print(hasattr(p, "z"), getattr(p, "z", "no z"))
try:
    p.w
except AttributeError as e:
    print("caught:", e)
print(p.z)
