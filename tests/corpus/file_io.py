# Checks open() for text files: write, read back, append, readline(s), iteration, with-statement closing. Writes corpus_file_io.txt.
name = "corpus_file_io.txt"
with open(name, "w") as f:
    n = f.write("first line\n")
    print("wrote", n, "chars")
    f.write("second line\n")
    f.write("third line without newline")
    print("closed inside with?", f.closed)
print("closed after with?", f.closed)

with open(name) as f:
    content = f.read()
print(repr(content))
print(len(content), content.count("\n"))

with open(name, "r") as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))

with open(name) as f:
    print(f.readlines())

with open(name) as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line.rstrip("\n")))

with open(name, "a") as f:
    f.write("\nappended line\n")
with open(name) as f:
    lines = f.read().splitlines()
print(lines, len(lines))

f = open(name, "w")
f.write("overwritten")
f.close()
print(open(name).read() if False else "reopen:")
with open(name) as g:
    print(g.read())

with open(name, "w", encoding="utf-8") as f:
    f.write("unicode: héllo 日本 😀\n")
with open(name, encoding="utf-8") as f:
    text = f.read()
print(text, end="")
print(len(text))
with open(name, "rb") as f:
    raw = f.read()
print(type(raw).__name__, len(raw), raw[:9])
with open(name, "wb") as f:
    f.write(b"bytes\x00data")
with open(name, "rb") as f:
    print(f.read())
try:
    with open(name) as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__)
try:
    open(name).fake_method
except AttributeError as e:
    print(type(e).__name__)
f.close()
