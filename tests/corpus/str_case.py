# Checks case methods: upper/lower/title/capitalize/swapcase/casefold and the is* predicates.
samples = ["hello World", "ALL CAPS", "mixed CaSe 123", "they're bill's friends", "ß straße", "éclair ÉTÉ", "",
           "123abc", "hello-world_foo bar"]
for s in samples:
    print(repr(s))
    print("  upper:", s.upper(), "| lower:", s.lower(), "| title:", s.title())
    print("  capitalize:", s.capitalize(), "| swapcase:", s.swapcase(), "| casefold:", s.casefold())
checks = ["abc", "ABC", "Abc", "abc123", "123", "", " ", "\t\n", "a b", "Title Case", "½", "²", "١٢", "ÄÖÜ", "x_y", "MiXeD1"]
for c in checks:
    flags = [
        ("alpha", c.isalpha()), ("digit", c.isdigit()), ("decimal", c.isdecimal()),
        ("numeric", c.isnumeric()), ("alnum", c.isalnum()), ("space", c.isspace()),
        ("upper", c.isupper()), ("lower", c.islower()), ("title", c.istitle()),
    ]
    on = [name for name, flag in flags if flag]
    print(f"{c!r:14} {' '.join(on) if on else '-'}")
print("valid_name".isidentifier(), "2bad".isidentifier(), "class".isidentifier(), "".isidentifier())
print("abc".isascii(), "é".isascii(), "printable\n".isprintable(), "printable".isprintable())
print("Ünïcödé".upper(), "ÀÉÎ".lower(), "élan vital".title())
print("hELLO wORLD".swapcase().swapcase(), "ABC".lower().upper(), "mIxEd".capitalize())
print("o'neil mc-donald".title(), "3rd place".title(), "a1b2 c3".title())
print(sorted(["b", "A", "c", "B"], key=str.lower), sorted(["b", "A", "c", "B"]))
words = "The Quick brown FOX".split()
print([w for w in words if w.istitle()], [w for w in words if w.isupper()], [w for w in words if w.islower()])
print("".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate("alternating")))
