# Fails: 'raise ... from None' suppresses the context; only the last traceback is shown.
def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError(f"cannot convert {s!r}") from None

print(convert("12"))
print(convert(" -7 "))
try:
    convert("x")
except TypeError as e:
    print("caught:", e, e.__cause__, e.__suppress_context__)

values = ["1", "2", "3"]
print(sum(convert(v) for v in values))
words = ["4", "five"]
for w in words:
    print("converting", w)
    print(convert(w))
print("never printed")
