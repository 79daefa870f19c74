# Checks bytes methods: split/join/strip/replace/find/count/startswith/upper/lower/isdigit/partition, and bytearray mutation.
b = b"  The Quick Brown Fox  "
print(b.strip(), b.lstrip(), b.rstrip(), b.split(), b.strip().split(b" ", 1))
print(b"a,b,c".split(b","), b",".join([b"x", b"y", b"z"]), b"-".join([]))
print(b.upper(), b.lower(), b.strip().title(), b.strip().swapcase(), b"hello world".capitalize())
print(b.replace(b" ", b"_"), b.count(b"o"), b.find(b"Quick"), b.find(b"zzz"), b.rfind(b"o"), b.index(b"T"))
print(b.strip().startswith(b"The"), b.endswith(b"  "), b"123".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b"  ".isspace())
print(b"key=val".partition(b"="), b"a.b.c".rpartition(b"."), b"abc".center(7, b"*"), b"7".zfill(3), b"x".ljust(3, b"."))
print(b"line1\nline2\r\n".splitlines(), b"AbC".isupper(), b"abc".islower(), b"hello"[::-1], b"hello".removeprefix(b"he"))
print(b"abc".translate(None, b"b"), b"tab\tsep".expandtabs(4), list(b"az"), bytes(reversed(b"abc")))
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" world")
ba += b"!!"
print(ba, len(ba), ba[0], bytes(ba))
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("o"))
print(ba)
ba.reverse()
print(ba)
del ba[0:3]
print(ba, ba.find(b"l"), ba.count(b"l"))
ba[1:3] = b"XYZ"
print(ba, ba.upper(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba.clear()
print(ba, len(ba))
try:
    bytearray(b"x")[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray(b"x").remove(5)
except ValueError as e:
    print(type(e).__name__, e)
print(bytearray(b"abc") == b"abc", b"abc" + bytearray(b"d"), type(bytearray(b"a") + b"b").__name__)
