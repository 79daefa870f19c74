# Checks hash() of ints (incl. -1 == -2 and 2**61 modulus wrap), floats, bools, tuples, None consistency, unhashable errors.
print(hash(0), hash(1), hash(-1), hash(-2), hash(42), hash(-42))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 + 5), hash(-(2 ** 61)), hash(2 ** 100), hash(10 ** 30))
print(hash(2 ** 64), hash(-(2 ** 64)), hash(2 ** 62))
print(hash(True), hash(False), hash(1.0), hash(0.5), hash(-0.5), hash(1.5), hash(2.5e10), hash(-1.0))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(range(3)) == hash(range(0, 3)))
print(hash(None) == hash(None), hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"))
for bad in [[1], {1: 2}, {1}, bytearray(b"x"), ([1],)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class Custom:
    def __hash__(self):
        return -1
print(hash(Custom()))
class Big:
    def __hash__(self):
        return 2 ** 70
print(hash(Big()) == hash(2 ** 70))
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
d = {1: "int", 2: "two"}
d[1.0] = "float overwrote"
d[True] = "bool overwrote"
print(d)
print({-1: "a", -2: "b"})
