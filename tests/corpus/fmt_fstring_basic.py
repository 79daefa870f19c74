# Checks f-string basics: expressions, method calls, nested quotes, braces escaping, multiline, conversions.
name = "World"
n = 42
items = [1, 2, 3]
d = {"key": "value"}
print(f"Hello, {name}!")
print(f"{n} + 1 = {n + 1}", f"{n * 2}", f"{n // 5}{n % 5}")
print(f"{name.upper()} {name.lower()[::-1]} {len(name)}")
print(f"{items} {items[0]} {items[-1]} {sum(items)}")
print(f"{d['key']} {d}")
print(f"{{literal braces}} {{{n}}}")
print(f"{'nested quotes'} {'y' if n else 'z'}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'héllo'!a} {'tab	'!r}")
print(f"{3.0} {1/3} {True} {None} {[None]}")
print(f"{n:>6}|{n:<6}|{n:^6}|")
print(f"{'multi'}"
      f"{'-part'}"
      " plain")
x = 10
print(f"{x if x > 5 else 0}", f"{(lambda v: v * 2)(x)}", f"{[i for i in range(3)]}")
print(f"{x:{'>'}{10}}|")
print(f"{'a' + 'b'}", f"{'a' * 3}")
print(F"upper F {n}", rf"raw \n {n}", fR"{n}\t")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
p = P()
print(f"{p} {p:xyz} {p!s} {p!r}")
print(f"{n=}", f"{name = }", f"{n * 2 = }", f"{name=!r}", f"{n=:>5}")
print(f"{3.14159=:.2f}", f"{items[1]=}")
print(f"")
print(f"{'{'}{'}'}")
