# Checks find/rfind/index/rindex/count/startswith/endswith with start/end arguments and tuple prefixes.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.rfind("xyz"))
print(s.find("o"), s.find("o", 5), s.find("o", 5, 7), s.rfind("o"), s.rfind("o", 0, 10))
print(s.find(""), s.rfind(""), s.find("", 100), s.find("h", -6), s.find("lo", -100, -10))
print(s.index("world"), s.rindex("l"), s.index("l", 3, 5))
for call in [lambda: s.index("zzz"), lambda: s.rindex("zzz"), lambda: s.index("h", 20)]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 0, 5), "aaaa".count("aa"), "".count(""))
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith(("x", "he")))
print(s.endswith("python"), s.endswith("hello", 0, 5), s.endswith(("on", "xx")), s.endswith(""), "".startswith(""))
print("abc".startswith("abcd"), "abc".endswith("c", 1, 2), "abc".endswith("b", 0, 2))
print("world" in s, "World" in s, "" in s, "" in "", " " in s, "hello world" not in s)
try:
    s.startswith(["he"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    3 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
text = "the cat sat on the mat with the hat"
pos = []
i = text.find("the")
while i != -1:
    pos.append(i)
    i = text.find("the", i + 1)
print(pos, text.count("at"), [w for w in text.split() if w.endswith("at")])
u = "naïve café ünïcode"
print(u.find("café"), u.index("ü"), u.count("ï"), u.rfind("e"), len(u))
