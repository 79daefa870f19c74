# Checks 'import module' of a sibling file: attribute access, classes, functions, module-level state, module __name__.
import mod_shapes

print(mod_shapes.__name__, type(mod_shapes).__name__)
c = mod_shapes.Circle(2)
s = mod_shapes.Square(3)
print(c, s, c.area(), s.area())
print(mod_shapes.total_area([c, s]))
print(mod_shapes.created)
print(mod_shapes.PI, mod_shapes._private_helper())
print(isinstance(c, mod_shapes.Shape), type(c).__module__, mod_shapes.Circle.__module__)
print(mod_shapes.total_area.__module__, mod_shapes.Circle.__qualname__)
mod_shapes.PI = 3
print(mod_shapes.Circle(1).area())
print(hasattr(mod_shapes, "Circle"), hasattr(mod_shapes, "Hexagon"), getattr(mod_shapes, "Hexagon", None))
names = sorted(n for n in dir(mod_shapes) if not n.startswith("__"))
print(names)
import mod_shapes as shapes_alias
print(shapes_alias is mod_shapes, shapes_alias.created)
try:
    mod_shapes.Hexagon
except AttributeError as e:
    print(type(e).__name__, e)
print(__name__)
