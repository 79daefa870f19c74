# Attribute and method sites that get specialized and then see the assumption break:
# a class whose method is replaced, an attribute deleted (the shape changes), a property
# added later, instances of a subclass, and a different class with the same names.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def get_x(p):
    return p.x


def set_y(p, v):
    p.y = v


def call_norm(p):
    return p.norm1()


pts = [Point(i, -i) for i in range(40)]
print(sum(get_x(p) for p in pts), sum(call_norm(p) for p in pts))
for p in pts:
    set_y(p, 1)
print(sum(p.y for p in pts))

# Replace the method on the class: the cached method must not be called again.
Point.norm1 = lambda self: "replaced"
print(call_norm(pts[3]))

# Delete an attribute: same class, different shape.
q = Point(5, 6)
del q.x
try:
    get_x(q)
except AttributeError as e:
    print("AttributeError:", e)
q.x = 50
print(get_x(q), q.__dict__)

# A subclass instance and an unrelated class through the same sites.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return "p3 " + str(abs(self.x) + abs(self.y) + abs(self.z))


class Other:
    x = "class attribute"

    def norm1(self):
        return "other"


print(get_x(Point3(7, 8, 9)), call_norm(Point3(1, 2, 3)), get_x(Other()), call_norm(Other()))

# A property added to the class after the site was specialized on a plain slot.
for p in pts:
    get_x(p)
Point.x = property(lambda self: "property wins")
print(get_x(pts[0]))
del Point.x
print(get_x(pts[0]))

# Instance attribute shadowing a method.
r = Point(1, 2)
r.norm1 = lambda: "instance attribute"
print(call_norm(r))

# Storing through a specialized site into objects of another shape.
class Bag:
    pass


b = Bag()
set_y(b, 3)
print(b.y, vars(b))
for p in pts:
    set_y(p, 2)
s = Point(0, 0)
del s.y
set_y(s, 9)
print(s.y, vars(s))
