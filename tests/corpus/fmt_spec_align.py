# Checks string format specs: width, fill, alignment (< > ^ =), precision truncation, in format/f-strings/str.format.
s = "text"
print("[" + format(s, "10") + "]", "[" + format(s, "<10") + "]", "[" + format(s, ">10") + "]", "[" + format(s, "^10") + "]")
print("[" + format(s, "*^11") + "]", "[" + format(s, "-<8") + "]", "[" + format(s, "0>8") + "]")
print("[" + format(s, ".2") + "]", "[" + format(s, "10.2") + "]", "[" + format(s, ">3") + "]")
print("[" + format(42, "10") + "]", "[" + format(42, "<10") + "]", "[" + format(42, "^10") + "]")
print("[" + format(-42, "=10") + "]", "[" + format(-42, "0=10") + "]", "[" + format(42, "x^7") + "]")
print(f"[{s:~^12}] [{s:>{8}}] [{s:{'.'}<{7}}]")
w, p = 12, 3
print(f"[{3.14159:{w}.{p}f}] [{3.14159:<{w}.{p}f}] [{'abcdef':.{p}}]")
print("[{:^9}] [{:>5}] [{:<5}]".format("mid", 1, 2))
print("[{0:_>{1}}]".format("pad", 9))
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("kiwi", 100, 12.125)]
print(f"{'name':<10}|{'qty':>5}|{'price':>8}")
print("-" * 25)
for name, qty, price in rows:
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}")
print(f"{'':-^20}")
print(f"[{'é':^5}] [{'日本':*<6}]")
print(format(None, ""), format([1, 2], ""), str(format(1.5, "")))
try:
    format(None, ">5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format("x", "=5")
except ValueError as e:
    print(type(e).__name__, e)
