# Checks strip/lstrip/rstrip with and without chars, removeprefix/removesuffix, replace with counts, expandtabs.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("...dots...".strip(".")), repr("nothing".strip("z")), repr("".strip()), repr("   ".strip()))
print(repr("www.example.com".strip("cmowz.")), repr("\u00a0nbsp\u00a0".strip()))
print("hello world".replace("o", "0"), "hello world".replace("o", "0", 1), "aaaa".replace("aa", "b"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "".replace("", "z"))
print("banana".replace("an", "AN", 0), "banana".replace("a", ""), "a.b.c".replace(".", "::"))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"), "file.py".removesuffix(".txt"))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("12345\t6".expandtabs(4)))
print("Mississippi".replace("ss", "SS").replace("i", "!", 2))
t = "  keep  inner  spaces  "
print(repr(t.strip()), repr(" ".join(t.split())))
print("%".join("x y z".split()).replace("%", " % "))
try:
    "abc".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace("a")
except TypeError as e:
    print(type(e).__name__, e)
