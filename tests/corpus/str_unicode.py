# Checks unicode strings: len, indexing, slicing, ord/chr, iteration, comparisons, encode lengths, escapes.
s = "héllo wörld ☃ 日本語 😀"
print(len(s), s[1], s[-1], s[12], s[14:17], s[::-1])
print([ord(c) for c in "héllo"], chr(233), chr(0x2603), chr(128512), chr(26085))
print(len("😀"), len("😀".encode("utf-8")), len("é".encode("utf-8")), len("日本語".encode("utf-8")))
print("é" == "\u00e9", "\u03b1\u03b2\u03b3", "\U0001F600" == "😀")
print(sorted("éaz日b"), "é" > "z", "a" < "é", max("héllo"), min("日本語"))
print("ÉCOLE".lower(), "straße".upper(), "Ωmega".swapcase())
for ch in "aé☃😀":
    print(ch, ord(ch), hex(ord(ch)), repr(ch), ascii(ch), ch.encode("utf-8"))
print("café".encode("utf-8"), "café".encode("latin-1"), b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"))
print("naïve".find("ï"), "naïve".replace("ï", "i"), "naïve".upper(), "naïve"[2:4])
print("tab\there", "new\\nline", "quote\"s", 'single\'s', "\x41\x42", "\101\102", "bell\a".isprintable())
print(r"raw\nstring", len(r"\n"), len("\n"), "\\".join(["a", "b"]))
print("日本" + "語" * 3, "日" in "日本", "本日"[::-1], list("añb"))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
