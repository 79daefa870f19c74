# Checks container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __missing__ on dict subclass.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()

g = Grid(3, 2)
print(len(g))
g[0, 0] = "X"
g[2, 1] = "O"
print(g[0, 0], g[1, 1], g[2, 1])
print("X" in g, "Z" in g, "Z" not in g)
del g[0, 0]
print(g[0, 0], "X" in g)
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del g[1, 1]
except KeyError as e:
    print(type(e).__name__, e)
for y in range(g.h):
    print("".join(g[x, y] for x in range(g.w)))

class Default(dict):
    def __missing__(self, key):
        return f"<no {key}>"
d = Default(a=1)
print(d["a"], d["b"], len(d))

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
s = Seq()
print(list(s), 9 in s, 5 in s)
for v in s:
    print("item", v)

class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), len(Sized()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
