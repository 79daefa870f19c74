# Fails: AttributeError "module 'mod_shapes' has no attribute 'Hexagon'" on an imported sibling module.
import mod_shapes

shapes = [mod_shapes.Circle(1), mod_shapes.Square(2), mod_shapes.Circle(0.5)]
for s in shapes:
    print(s, s.area())
print(mod_shapes.total_area(shapes))
print(sorted(n for n in dir(mod_shapes) if n[0].isupper()))

def make(kind, size):
    cls = getattr(mod_shapes, kind, None)
    if cls is None:
        return f"unknown shape {kind}"
    return cls(size)

print(make("Square", 3), make("Pentagon", 1))
try:
    mod_shapes.Triangle
except AttributeError as e:
    print("caught:", e)

print("now accessing a missing attribute without a handler")
h = mod_shapes.Hexagon(3)
print("never printed")
