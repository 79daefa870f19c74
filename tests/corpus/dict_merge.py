# Checks dict merge operators | and |=, {**a, **b}, update precedence, and dict subclasses.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [("w", 0)]
print(c)
print({**a, **b} == a | b, dict(a, **b) == a | b)
try:
    a | [("k", 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
defaults = {"color": "red", "size": "M", "qty": 1}
overrides = {"size": "L"}
print(defaults | overrides, overrides | defaults)
print(sum(len(d) for d in [a, b, c]))
class MyDict(dict):
    pass
m = MyDict(p=1)
print(type(m | {"q": 2}).__name__, m | {"q": 2})
x = {}
x.update(a)
x.update(b)
x.update(y="kw")
print(x)
print({1: "a"} | {1.0: "b"}, {True: 1} | {1: 2})
chain = {}
for part in [{"a": 1}, {"b": 2}, {"a": 3, "c": 4}]:
    chain = chain | part
print(chain)
