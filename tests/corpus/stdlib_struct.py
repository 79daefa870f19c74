import struct

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

for fmt, vals in [("<hHiIqQ", (-2, 65535, -3, 4000000000, -(2**63), 2**64 - 1)),
                  (">bBhH", (-128, 255, 256, -1)), ("!i", (1,)), ("=l", (7,)), ("@bq", (1, 2)),
                  ("<?c3s5p", (True, b"z", b"abcdef", b"hi")), ("<fde", (0.1, -2.5, 1.5)),
                  (">fde", (1e-3, 1e300, 65504.0)), ("3h", (1, 2, 3)), ("<2x h x", (5,)),
                  ("@nNP", (-5, 5, 12)), ("<L", (2**32 - 1,)), ("<l", (-2**31,)), ("< h h", (1, 2)),
                  ("0s", (b"x",)), ("<e", (float("inf"),)), ("<e", (1e-7,)), ("<e", (6.1e-5,)), ("<e", (0.333,))]:
    b = struct.pack(fmt, *vals)
    print(fmt, b, struct.unpack(fmt, b), struct.calcsize(fmt))

print(struct.calcsize("@bhiqd"), struct.calcsize("=bhiqd"), struct.calcsize("bq0q"), struct.calcsize("qb"), struct.calcsize("ci"), struct.calcsize("<ci"))
print(struct.pack("5p", b"abcdefgh"), struct.pack("3s", b"a"), struct.unpack("5p", b"\x03abcd"), struct.pack("?", 5), struct.pack("?", []))
print(struct.pack(">q", -2), struct.pack("h", True), struct.unpack("<e", b"\x00\x7c"), struct.unpack("<?", b"\x05"), struct.unpack("<f", b"\xcd\xcc\xcc\x3d"))
print(struct.unpack_from("<h", b"\x00\x01\x02\x03", 1), struct.unpack_from("<h", b"\x00\x01\x02\x03", offset=2), struct.unpack_from("<h", b"\x00\x01\x02\x03", -2))
print(list(struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")))
s = struct.Struct("<ih")
print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), s.unpack_from(b"xx\x01\x00\x00\x00\x02\x00", 2), list(s.iter_unpack(bytes(12))))
print(struct.Struct(b"<h").format, struct.pack(b">H", 258))

class I:
    def __index__(self):
        return 7
print(struct.pack("h", I()))

for f, v in [("h", 40000), ("b", 200), ("B", -1), ("B", 256), ("H", -1), ("i", 2**31), ("I", -1), ("<I", -1), ("<i", 2**31),
             ("l", 2**63), ("<l", 2**31), ("q", 2**63), ("Q", -1), ("<Q", 2**64), ("h", 1.5), ("h", "x"), ("c", b"ab"),
             ("c", 1), ("s", 1), ("f", "x"), ("f", 1e300), ("<f", 1e300), ("e", 1e10), ("z", 1), ("<n", 1), ("n", 2**64),
             ("N", -1), ("B", True), ("d", 1), ("<L", 2**32), ("<I", 2**32), ("<h", 2**70), ("<d", "x"), ("<i", 2.0)]:
    show(struct.pack, f, v)
show(struct.unpack, "h", b"x")
show(struct.unpack, "<i", b"12345")
show(struct.unpack, "3s", b"ab")
show(struct.unpack, "h", "ab")
show(struct.pack, "hh", 1)
show(struct.pack, "h", 1, 2)
show(struct.pack, "i")
show(struct.unpack_from, "i", b"abc", 2)
show(struct.unpack_from, "i", b"abc", 5)
show(struct.iter_unpack, "i", b"abcde")
show(struct.iter_unpack, "", b"abcde")
show(struct.calcsize, "5")
show(struct.calcsize, "<P")
show(struct.calcsize, 5)
print(issubclass(struct.error, Exception), struct.error.__module__, struct.error.__name__)
for mode in "@=<>!":
    for c in "bBhHiIlLqQ":
        for v in [-1, 2**40, -2**40, 2**64, 2**63, 255, 65535, -129]:
            try:
                r = struct.pack(mode + c, v)
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(mode + c, v, r)
