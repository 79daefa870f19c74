# Fails: exception raised inside a method defined in an imported sibling module (traceback crosses files).
import mod_shapes

shapes = [mod_shapes.Circle(1), mod_shapes.Square(2)]
print(mod_shapes.total_area(shapes))
print(shapes)

class Triangle(mod_shapes.Shape):
    def __init__(self, b, h):
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2
    def describe(self):
        return f"b={self.b}, h={self.h}"

shapes.append(Triangle(3, 4))
print(mod_shapes.total_area(shapes), shapes[-1])
try:
    mod_shapes.Shape().area()
except NotImplementedError:
    print("caught NotImplementedError once")
print(mod_shapes.Shape().area())
