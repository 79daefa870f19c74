# Checks print(): sep, end, multiple args, no args, None sep/end, flush keyword, non-str objects, errors.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" <- continued")
print("x", "y", sep="\n", end="\n---\n")
print(1, 2.5, None, True, [1, "s"], (1,), {"k": "v"}, b"bytes")
print("sep None", "ok", sep=None)
print("end None", end=None)
print("flush", flush=True)
print(*range(5), sep=",")
print("", "", sep="x")
print("tab\tseparated", "values", sep="\t")
print("multi\nline\nstring")
print("unicode: ñ 日本 😀")
for i in range(3):
    print(i, end=" ")
print()
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class Custom:
    def __str__(self):
        return "custom-str"
print(Custom(), [Custom().__str__()])
print(end="only end\n")
print(sep="-")
