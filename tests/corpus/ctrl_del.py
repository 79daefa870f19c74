# Checks del statement on names, list items, dict keys, attributes, slices, and errors after deletion.
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

a, b, c = 1, 2, 3
del a, b
print(c, "a" in globals(), "b" in globals())

lst = [0, 1, 2, 3, 4, 5]
del lst[1]
print(lst)
del lst[-1], lst[0]
print(lst)
del lst[1:3]
print(lst)

d = {"k": 1, "j": 2, "m": 3}
del d["j"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)

class Obj:
    cls_attr = "class"
o = Obj()
o.attr = "instance"
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del Obj.cls_attr
print(hasattr(o, "cls_attr"))

def func():
    local = 1
    del local
    local = 2
    return local
print(func())

try:
    del undefined_name
except NameError as e:
    print(type(e).__name__, e)

nested = {"a": {"b": {"c": 1, "d": 2}}}
del nested["a"]["b"]["c"]
print(nested)
(p, q) = (1, 2)
del (p, q)
print("p" in globals())
items = [[1, 2], [3, 4]]
for pair in items:
    del pair[0]
print(items)
def del_global():
    global gv
    del gv
gv = 1
del_global()
print("gv" in globals())
