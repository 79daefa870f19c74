from array import array
import array as array_mod

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

print(array_mod.typecodes, array_mod.ArrayType is array)
for tc in "bBhHiIlLqQfd":
    a = array(tc, [1, 2, 3])
    print(tc, a, a.itemsize, a.typecode, len(a), a.tolist(), a.tobytes(), a[0], a[-1], a[1:], a[::-1], list(a), 2 in a, 9 in a)
a = array("u", "héllo")
print(a, a.tounicode(), a[1], len(a), array("u"), array("d"), repr(array("f", [0.1, 1.5])))
a = array("i", range(5))
a.append(10)
a.extend([20, 30])
a.extend(array("i", [40]))
a.insert(0, -1)
a.insert(-1, 99)
a.insert(100, 7)
print(a, a.pop(), a.pop(0), a.pop(-2), a, a.index(10), a.count(2), a.index(3, 1, 5))
a.remove(10)
a.reverse()
print(a)
a[0] = 55
a[1:3] = array("i", [8, 8, 8])
del a[0]
del a[::2]
print(a, a * 2, 2 * a, a + array("i", [1]), a == array("i", a.tolist()), a != a, array("i", [1, 2]) < array("i", [1, 3]), array("i", [1]) == array("d", [1.0]))
b = array("h", b"\x01\x00\x02\x00")
b.frombytes(b"\x03\x00")
b.fromlist([4, 5])
print(b, b.tobytes())
b.byteswap()
print(b)
b += array("h", [7])
b *= 2
print(b, len(b))
c = array("B", b"abc")
print(c, bytes(c.tobytes()), array("i", array("b", [1, -2])), array("d", (x / 2 for x in range(3))))
u = array("u", "ab")
u.fromunicode("cd")
print(u, u.tounicode())

for tc, v in [("b", 200), ("b", -129), ("b", 40000), ("b", 2**70), ("B", -1), ("B", 256), ("h", 40000), ("H", -1), ("H", 70000),
              ("H", 2**40), ("i", 2**31), ("I", -1), ("I", 2**32), ("I", 2**70), ("l", 2**63), ("L", -1), ("L", 2**64), ("q", 2**63),
              ("Q", -1), ("Q", 2**64), ("i", 1.5), ("d", "x"), ("u", 1), ("u", "ab"), ("b", "x")]:
    show(array, tc, [v])
show(array, "z")
show(array, "i", "ab")
show(array, "i", 5)
show(array)
show(lambda: array("i", [1])[5])
show(lambda: array("i").pop())
show(lambda: array("i").remove(3))
show(lambda: array("i").index(3))
show(lambda: array("i").frombytes(b"abc"))
show(lambda: array("i", [1]) + array("d"))
show(lambda: array("i", [1]) + [1])
show(lambda: array("i", [1, 2]).__setitem__(slice(0, 1), [5]))
show(lambda: array("i", [1, 2, 3]).__setitem__(slice(0, 3, 2), array("i", [1])))
show(lambda: array("i", [1]).__setitem__(3, 1))
show(lambda: array("i", [1])["x"])
show(lambda: array("d").tounicode())
import array, random, io, re
class A(array.array):
    pass
a = A('i', [1, 2])
print(a + a, a == A('i', [1, 2]), a * 2, type(a + a).__name__)
class R(random.Random):
    pass
r1, r2 = R(1), R(1)
print(r1 == r2, r1 == r1, r1 != r2)
class S(io.StringIO):
    pass
s = S("x")
print(s == s, s.read())
print(re.compile("a") == re.compile("a"), re.compile("a") != re.compile("b"))
