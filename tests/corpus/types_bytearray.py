# Checks bytearray: construction, the bytes methods returning bytearrays, item and slice
# assignment/deletion, list-like mutations, operators, comparisons with bytes, hashing,
# buffer use by other APIs, subclasses, and the errors.
import struct, hashlib, zlib, binascii, io


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray(b"abc"), bytearray("hé", "utf-8"),
      bytearray(range(65, 70)), bytearray(bytearray(b"x")), bytearray(source=b"kw"), bytearray(b"it's"))
ba = bytearray(b"Hello, World")
print(ba.upper(), ba.lower(), ba.split(b", "), ba.replace(b"l", b"L", 2), ba.find(b"o"), ba.count(b"l"),
      ba.startswith(b"He"), ba.strip(b"Hd"), ba.partition(b", "), ba.rpartition(b"x"), ba.hex(":"),
      ba.decode(), ba.title(), ba.center(16, b"*"), ba.zfill(14), ba.islower(), ba.isascii(), ba.join([b"a", b"b"]))
print(bytearray.fromhex("de ad be ef"), bytearray(b"  x  ").strip(), bytearray(b"a\nb").splitlines(), ba[1], ba[-1],
      ba[2:5], ba[::-2], list(bytearray(b"az")), 108 in ba, b"World" in ba, bytearray(b"Wo") in ba, len(ba))
b = bytearray(b"abcdef")
b[0] = 65
b[-1] = 70
b[1:3] = b"XYZ"
print(b)
b[::2] = [48, 49, 50, 51]
print(b)
b[2:2] = bytearray(b"++")
b[len(b):] = (33, 63)
print(b)
del b[0]
del b[-2:]
del b[::3]
print(b)
b.append(32)
b.extend(b"xy")
b.extend([1, 2])
b.extend(bytearray(b"!"))
b.insert(0, 60)
b.insert(-1, 62)
b.insert(100, 10)
print(b, b.pop(), b.pop(0), b)
b.remove(120)
b.reverse()
c = b.copy()
b.clear()
print(b, c, c is not b, len(b))
x = bytearray(b"ab")
y = x
x += b"cd"
x *= 2
print(x, y is x, x * 2, 2 * x, x + b"!", b"!" + x, type(b"!" + x).__name__, bytearray(b"%d-%s") % (5, b"z"))
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") < b"abd",
      bytearray(b"b") > bytearray(b"a"), bytearray() == bytearray(), bytearray(b"a") != "a", bool(bytearray()))
print(bytes(bytearray(b"buf")), int.from_bytes(bytearray(b"\x01\x00"), "little"), int(bytearray(b" 42 ")),
      str(bytearray(b"s"), "ascii"), ord(bytearray(b"o")), b"-".join([bytearray(b"p"), b"q"]), b"x".partition(bytearray(b"x")))
print(struct.unpack(">H", bytearray(b"\x01\x02")), struct.pack("2s", bytearray(b"ok")), hashlib.md5(bytearray(b"m")).hexdigest(),
      zlib.crc32(bytearray(b"c")), binascii.hexlify(bytearray(b"\xff")), zlib.decompress(bytearray(zlib.compress(b"zz"))))
f = io.BytesIO()
f.write(bytearray(b"written"))
print(f.getvalue())


class Buf(bytearray):
    def tail(self):
        return self[-2:]


u = Buf(b"custom")
u.append(33)
print(u, type(u).__name__, u.tail(), u.upper(), u == b"custom!", isinstance(u, bytearray), len(u))

attempt("hash", lambda: hash(bytearray(b"x")))
attempt("set", lambda: {bytearray(b"x")})
attempt("__hash__", lambda: bytearray.__hash__)
attempt("setitem range", lambda: b.__setitem__(0, 300) if b else bytearray(b"x").__setitem__(0, 300))
attempt("setitem str", lambda: bytearray(b"x").__setitem__(0, "a"))
attempt("setitem index", lambda: bytearray(b"x").__setitem__(5, 1))
attempt("setitem key", lambda: bytearray(b"x").__setitem__("k", 1))
attempt("slice int", lambda: bytearray(b"x").__setitem__(slice(0, 1), 5))
attempt("slice str", lambda: bytearray(b"x").__setitem__(slice(0, 1), "ab"))
attempt("slice bad item", lambda: bytearray(b"x").__setitem__(slice(0, 1), [256]))
attempt("extended size", lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"xyz"))
attempt("getitem index", lambda: bytearray(b"x")[3])
attempt("getitem key", lambda: bytearray(b"x")[1.5])
attempt("delitem", lambda: bytearray(b"x").__delitem__(-3))
attempt("append str", lambda: bytearray().append("a"))
attempt("append big", lambda: bytearray().append(256))
attempt("extend int", lambda: bytearray().extend(5))
attempt("extend str", lambda: bytearray().extend("ab"))
attempt("extend bad", lambda: bytearray().extend([1, -1]))
attempt("pop empty", lambda: bytearray().pop())
attempt("pop index", lambda: bytearray(b"a").pop(3))
attempt("remove", lambda: bytearray(b"a").remove(98))
attempt("insert", lambda: bytearray(b"a").insert(0, -1))
attempt("concat str", lambda: bytearray(b"a") + "b")
attempt("concat int", lambda: bytearray(b"a") + 1)
attempt("iadd str", lambda: bytearray(b"a").__iadd__("b"))
attempt("mul str", lambda: bytearray(b"a") * "b")
attempt("lt str", lambda: bytearray(b"a") < "b")
attempt("in str", lambda: "a" in bytearray(b"a"))
attempt("in big", lambda: 300 in bytearray(b"a"))
attempt("float", lambda: bytearray(1.5))
attempt("str no encoding", lambda: bytearray("x"))
attempt("negative", lambda: bytearray(-1))
attempt("bad encoding", lambda: bytearray("x", "nope"))
attempt("items", lambda: bytearray([1, "a"]))
attempt("fromhex", lambda: bytearray.fromhex("zz"))
attempt("upper arg", lambda: bytearray(b"x").upper(1))
attempt("decode", lambda: bytearray(b"\xff").decode())
attempt("sum", lambda: sum([bytearray(b"a")], bytearray()))
import copy, pickle
print(copy.copy(bytearray(b"cp")), copy.deepcopy(Buf(b"dc")), pickle.loads(pickle.dumps(bytearray(b"pk"))),
      pickle.loads(pickle.dumps(bytearray(b"p2"), 2)), bytearray(b"r").__reduce_ex__(4))
