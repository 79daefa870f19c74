# Checks str.format: positional/auto/keyword fields, indexing and attribute access, conversions, nested specs, escapes.
print("{} {} {}".format("a", "b", "c"))
print("{2} {1} {0} {0}".format("a", "b", "c"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "v"}))
class Obj:
    attr = "attribute"
    nested = {"k": [10, 20]}
print("{0.attr} {o.nested[k][1]}".format(Obj(), o=Obj()))
print("{!r} {!s} {!a}".format("s", "s", "é"))
print("{:>{width}} {:{fill}^{w2}}".format("r", "c", width=4, fill="*", w2=7))
print("{{escaped}} {{{}}}".format("inner"))
print("{0:.{1}f}".format(3.14159265, 4))
print("{:,} {:_b} {:#o} {:+.1e}".format(9876543210, 10, 64, 12345.0))
print("{:%}".format(0.256), "{:.1%}".format(1 / 3))
data = {"x": 1, "y": 2}
print("{x}-{y}".format(**data), "{}-{}".format(*data))
print("{0}{1}{0}".format("ab", "cd"))
print("{:d}".format(True), "{:s}".format("str"), "{}".format(None))
print(str.format("{} via class", "called"))
fmt = "{:<6}|{:^6}|{:>6}".format
print(fmt("L", "C", "R"))
print("{:10.3}|".format("truncated"), "{:10.3}|".format(3.14159))
for spec in ["{} {}", "{0} {}", "{5}", "{x}", "{0[5]}", "{:q}", "{!x}", "{"]:
    try:
        print(spec.format([1, 2], 3))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print("{0!r:>10}".format("hi"), "{0!s:*<6}".format(12))
print("{:^}".format("x"), "{:}".format(5), "{0:}".format(6))
print(format_map_result := "{a}{b}".format_map({"a": 1, "b": 2}))
