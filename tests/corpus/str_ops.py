# Checks string operators and misc: concatenation, repetition, comparisons, membership, immutability, iteration, str() conversions.
a, b = "abc", "abd"
print(a + b, a * 3, 3 * a, a * 0, a * -1, repr("" * 5))
print(a < b, a == "abc", a != b, "B" < "a", "abc" < "abcd", "" < "a", "Z" > "A", sorted(["b", "B", "a", "A", "_", "1"]))
print("bc" in a, "ac" in a, "" in a, a.__contains__("a"), a.__len__(), a.__getitem__(1))
print(list(a), tuple(a), [c * 2 for c in a], "".join(reversed(a)), sorted("hello"))
print(str(12), str(-1.5), str([1, "2"]), str(None), str(True), str(b"x"), str("s"))
print(len(""), len("abc"), len("a b c"), len("\n\t"))
print(hash("abc") == hash("ab" + "c"), a[0] == "a", type(a[0]).__name__)
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print(type(e).__name__, e)
s2 = s
s += "!"
print(s, s2)
print("a" "b" "c", "con" "cat" == "concat")
print(str.upper("x"), str.join("-", ["p", "q"]), "abc".__add__("d"), "ab".__mul__(2))
print(max("apple", "banana", "cherry"), min(["zeta", "Alpha", "beta"]), "abc" * True)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
print("%d items" % 3, "Hi " + str(5), "x".join("12"), "ab".count("") )
print(ascii("ñ"), ascii("plain"), "abc".encode(), "abc".isascii())
print("hello"[1:3].upper().center(6, "*").replace("*", "-"))
print(" a b ".split(" "), "a\tb".split("\t"), "abc"[3:], repr("abc"[5:10]))
