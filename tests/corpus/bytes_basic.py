# Checks bytes literals, indexing to ints, slicing, iteration, decode/encode, hex/fromhex, comparisons, errors.
b = b"Hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], type(b[0]).__name__, list(b[:5]))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"copy"))
print(b"abc" + b"def", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"" in b"x")
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" == "abc", b"\x00" < b"\x01")
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode(), "café".encode("ascii", "replace"))
print(b"\xff\xfe".decode("utf-8", "replace"), b"abc\xff".decode("ascii", "ignore"), "é".encode("ascii", "ignore"))
print(b"\xde\xad\xbe\xef".hex(), bytes.fromhex("deadbeef"), bytes.fromhex("01 02 ff"), b"abc".hex("-"))
print(repr(b"quote'"), repr(b'dq"'), repr(b"\t\n\r\\"), repr(bytes([0, 31, 127, 128, 255])))
for x in b"hi!":
    print(x, chr(x))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "ü".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes("no encoding")
except TypeError as e:
    print(type(e).__name__, e)
print(hash(b"x") == hash(b"x"), {b"k": 1}[b"k"], bytes() == b"", bool(b""), bool(b"\x00"))
print(str(b"abc", "ascii"), b"%d-%s" % (1, b"x"), b"abc".__len__())
