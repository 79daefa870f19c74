# Checks basic classes: __init__, instance vs class attributes, methods, __dict__, __class__.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1, -1)
print(q.x, q.y)
print(p.__dict__)
print(type(p).__name__, p.__class__.__name__, type(p) is Point)
print(Point.__name__, Point.__qualname__)

p.dims = 3
print(p.dims, Point.dims, q.dims)
del p.dims
print(p.dims)

Point.dims = 5
print(p.dims, q.dims)

p.extra = "dynamic"
print(sorted(p.__dict__))
print(Point.norm2(p))

m = p.norm2
print(m(), m.__name__, m.__self__ is p, m.__func__ is Point.norm2)

class Empty:
    pass

e = Empty()
print(type(e).__name__, e.__dict__)
e.a = 1
print(e.__dict__, hasattr(e, "a"), hasattr(e, "b"))

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances

objs = [Counter() for _ in range(3)]
print([o.id for o in objs], Counter.instances)

class WithDoc:
    "A documented class."
    def method(self):
        "Method doc."
print(WithDoc.__doc__, WithDoc.method.__doc__)
print(Empty.__doc__)
print(isinstance(p, object), issubclass(Point, object))
print(Point.__bases__[0].__name__)
