# Checks slicing of strings, tuples, ranges and bytes, including negative steps and unicode.
s = "Hello, World!"
print(s[0], s[-1], s[7:12], s[:5], s[-6:], s[::-1], s[::2], s[1::3])
print(repr(s[5:5]), repr(s[20:]), s[-100:3], s[3:-3])
print("abcdef"[::-2], "abcdef"[4:1:-1], "abcdef"[-1::-1])
u = "héllo wörld"
print(u[1], u[7], u[::-1], len(u), u[1:4])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[-2:], t[::2], type(t[1:3]).__name__, t[1:2], t[5:1])
r = range(0, 20, 2)
print(r[2:5], r[::-1], r[::3], list(r[1:7:2]), r[-3:])
print(range(10)[-1], range(10)[3], range(5, 0, -1)[::-1])
b = b"abcdef"
print(b[1:3], b[::-1], b[0], b[-1], b[::2])
print(s[:3] + s[3:] == s, s[:-1] + s[-1] == s)
pal = "racecar"
print(pal == pal[::-1], "python"[::-1])
word = "slicing"
for i in range(0, len(word), 3):
    print(repr(word[i:i + 3]))
print([s[i] for i in range(0, len(s), 4)])
try:
    s[50]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b[6]
except IndexError as e:
    print(type(e).__name__, e)
