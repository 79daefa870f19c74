# Checks center/ljust/rjust/zfill with widths, fill characters, odd padding splits and errors.
for w in [0, 3, 8, 9, 10]:
    print(repr("abc".center(w)), repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".zfill(w)))
print(repr("ab".center(5, "*")), repr("ab".center(6, "*")), repr("abc".center(6, "*")), repr("abc".center(4, "*")))
print(repr("x".ljust(4, ".")), repr("x".rjust(4, "0")), repr("".center(3, "-")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "3.14".zfill(7), "abc".zfill(5), "-".zfill(3), "".zfill(2))
print("é".center(5, "ö"), "日本".rjust(6, "・"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
table = [("Name", "Qty"), ("apple", "3"), ("kiwi", "12")]
for name, qty in table:
    print(name.ljust(8, ".") + qty.rjust(4))
print("|" + "title".center(20, "=") + "|")
print(str(7).zfill(3), str(-7).zfill(4), format(7, "03"))
