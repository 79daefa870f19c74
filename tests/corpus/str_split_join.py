# Checks str.split/rsplit (sep, maxsplit, whitespace rules), splitlines, and join (including errors).
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 2))
print("a::b::c".split("::"), "abc".split("abc"), "".split(","), "".split())
print("1 2 3".split(maxsplit=1), "1 2 3".rsplit(maxsplit=1), "x".split("x"))
print("line1\nline2\r\nline3\rline4\n".splitlines())
print("line1\nline2\r\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "no newline".splitlines())
print("a\x0bb\x0cc\x1cd\u2028e".splitlines())
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "|".join([]), "+".join(["solo"]))
print(" ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]))
print(",".join({"k1": 1, "k2": 2}), "".join(("t", "u", "p")))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a b".split("")
except ValueError as e:
    print(type(e).__name__, e)
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print({r[0]: int(r[1]) for r in rows[1:]})
words = "one two three two one".split()
print(words, len(words), words.count("two"))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("k=v; x=y ;z=w".split(";"), [p.strip().split("=") for p in "k=v; x=y ;z=w".split(";")])
