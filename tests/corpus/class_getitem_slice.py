# Checks __getitem__ receiving slice objects and tuples, slice.indices, and custom sequence behaviour.
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        if isinstance(key, slice):
            print("  slice", key.start, key.stop, key.step)
            return Seq(self.data[key])
        if isinstance(key, tuple):
            print("  tuple", key)
            return [self.data[k] for k in key]
        print("  index", key)
        return self.data[key]
    def __repr__(self):
        return f"Seq({self.data})"

s = Seq(range(10))
print(s[3])
print(s[-1])
print(s[2:5])
print(s[::2])
print(s[::-3])
print(s[:])
print(s[1, 4, 7])
print(s[5:1:-1])

class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1:2], r[1:2:3], r[:], r[::], r[1:], r[:5])
print(r[1, 2], r[1:2, 3], r[...], r["key"])
print(r[::-1].indices(10))
print(slice(2, 8, 2).indices(5), slice(None, None, -1).indices(4))
print(slice(-3, None).indices(10))

class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, pos):
        i, j = pos
        return self.rows[i][j]
    def __setitem__(self, pos, v):
        i, j = pos
        self.rows[i][j] = v
m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 20
print(m[0, 1], m[1, 0], m.rows)
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
print(list(s[7:]))
