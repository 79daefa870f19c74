# Checks str.encode with errors modes, str.translate/maketrans, str.count edge cases, and misc string methods.
print("abc".encode(), "é".encode("utf-8"), "é".encode("latin-1"), "€".encode("utf-8"))
print("héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "backslashreplace"))
print("héllo".encode("ascii", "xmlcharrefreplace"), len("日本".encode("utf-16-le")), "A".encode("utf-16-be"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "abcabc".translate(str.maketrans({"a": "1", "b": None})))
print("hello".translate(str.maketrans("", "", "l")), "Hello".translate({ord("H"): "J"}))
print("a-b-c".split("-", maxsplit=-1), "x".join([]), " ".join(["only"]))
print("{:>4}".format("ab") + "|", "ab".ljust(4) + "|")
print("Hello World".istitle(), "hello world".istitle(), "HELLO".isupper(), "hello5".islower())
print("  x  ".isspace(), "".isspace(), "\t".isspace(), "ab12".isalnum(), "ab 12".isalnum())
print("abc"[1:].encode() + b"!", bytes("ü", "utf-8").decode("utf-8"), "ü".encode().decode("latin-1"))
print(str(b"\xff", "latin-1"), str(b"ab", encoding="ascii"), "abc".encode("utf-8", errors="strict"))
s = "The rain in Spain"
print(s.lower().count("ain"), s.swapcase(), s.title(), s.split(" ", 2), s.rsplit(" ", 2))
print("%s|%5s|%-5s|" % ("a", "b", "c"), "-".join(map(str, range(3))))
try:
    "abc".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
