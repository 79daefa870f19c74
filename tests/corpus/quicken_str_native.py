# Quickened str compares, str indexing and native calls, and their fallbacks when the
# operand or callee types change mid-run.


class S(str):
    def __eq__(self, other):
        return "eq-called"

    def __lt__(self, other):
        return "lt-called"

    def __contains__(self, item):
        return True

    def __getitem__(self, i):
        return "item-%r" % (i,)


def cmp(a, b):
    return a == b, a != b, a < b, a <= b, a > b, a >= b


def contains(a, b):
    return a in b, a not in b


def index(s, i):
    return s[i]


def call1(f, x):
    return f(x)


def meth(obj, x):
    return obj.count(x)


print("-- compares")
for i in range(30):
    r = cmp("abc", "abd")
print(r, cmp("", ""), cmp("é", "e"), cmp("日本", "日"))
print(cmp(1, 2), cmp(1.5, 1.5))
print(cmp(S("x"), "x"))
print(cmp("x", S("y")))
try:
    cmp("a", 1)
except TypeError as e:
    print("TypeError", e)
print(cmp("abc", "abd"))

print("-- contains")
for i in range(30):
    r = contains("b", "abc")
print(r, contains("", "abc"), contains("abcd", "abc"), contains("本", "日本"))
print(contains(2, [1, 2, 3]), contains("k", {"k": 1}))
print(contains("z", S("abc")))
try:
    contains(1, "abc")
except TypeError as e:
    print("TypeError", e)
print(contains("c", "abc"))

print("-- index")
word = "héllo, wörld"
for i in range(30):
    r = index(word, i % len(word))
print(r, index(word, -1), index(word, 1), index("x", 0) is index("xy", 0))
print(index([10, 20], 1), index((1, 2, 3), -1), index({"a": 1}, "a"))
print(index(S("abc"), 1))
try:
    index("abc", 3)
except IndexError as e:
    print("IndexError", e)
try:
    index("abc", "x")
except TypeError as e:
    print("TypeError", e)
print(index("abc", 2), index("日本語", 1))

print("-- native calls")
for i in range(30):
    r = call1(len, "abcd")
print(r, call1(abs, -3), call1(str.upper, "up"))
print(call1(lambda v: v * 2, 21))
print(call1(S, "sub") == "anything")
try:
    call1(len, 5)
except TypeError as e:
    print("TypeError", e)
print(call1(sorted, [3, 1, 2]), call1(len, [1]))

print("-- native methods")
for i in range(30):
    r = meth("banana", "a")
print(r, meth([1, 2, 1], 1), meth((1, 1), 1))


class Counter:
    def count(self, x):
        return "counted %r" % (x,)


print(meth(Counter(), 7))
try:
    meth(3, 1)
except AttributeError as e:
    print("AttributeError", e)
print(meth("aaa", "a"))


def nested(text):
    out = []
    for ch in text:
        if ch in "aeiou":
            out.append(ch.upper())
        elif ch == " ":
            out.append("_")
        else:
            out.append(ch)
    return "".join(out)


for i in range(20):
    r = nested("the quick brown fox")
print(r)
print(nested(["a", " ", "z"]))
print(nested("a" * 3))


class AnySet(set):
    def __contains__(self, item):
        return "maybe"


def member(x, c):
    return x in c, x not in c


print("-- hashed containers")
seen = {1, 2, "three"}
table = {"k": 1, 5: 2}
for i in range(30):
    r = member(i % 4, seen), member("k", table)
print(r, member("three", seen), member(5, table), member(2, frozenset([2])))
print(member(1, AnySet()), member(True, seen), member(1.0, seen))
print(member(2, [1, 2]), member("e", "hello"))
try:
    member([1], seen)
except TypeError as e:
    print("TypeError", e)
try:
    member(1, 5)
except TypeError as e:
    print("TypeError", e)
print(member(3, seen), member("k", {}))
