# Checks KeyError string forms (quoted repr of key) and dict-related error messages.
d = {"a": 1, 2: "two", (1, 2): "tuple"}

for key in ["missing", 99, (3, 4), 2.5, None, "it's", ""]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError", e, "| args:", e.args, "| repr:", repr(e))

try:
    del d["nope"]
except KeyError as e:
    print("del:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("pop:", e)
print(d.pop("nope", "default-pop"))
try:
    {}.popitem()
except KeyError as e:
    print("popitem:", e)
try:
    set().pop()
except KeyError as e:
    print("set.pop:", e)
try:
    {1, 2}.remove(3)
except KeyError as e:
    print("set.remove:", e)
try:
    raise KeyError("custom message with spaces")
except KeyError as e:
    print(e)
try:
    raise KeyError
except KeyError as e:
    print(repr(str(e)))
try:
    raise KeyError("x", "y")
except KeyError as e:
    print(e)
