# Helper module (not a test): shapes used by import_* tests.
__all__ = ["Circle", "Square", "total_area"]

PI = 3.14159
created = []

class Shape:
    def area(self):
        raise NotImplementedError
    def __repr__(self):
        return f"{type(self).__name__}({self.describe()})"

class Circle(Shape):
    def __init__(self, r):
        self.r = r
        created.append("circle")
    def area(self):
        return round(PI * self.r * self.r, 2)
    def describe(self):
        return f"r={self.r}"

class Square(Shape):
    def __init__(self, side):
        self.side = side
        created.append("square")
    def area(self):
        return self.side * self.side
    def describe(self):
        return f"side={self.side}"

def total_area(shapes):
    return round(sum(s.area() for s in shapes), 2)

def _private_helper():
    return "private"
