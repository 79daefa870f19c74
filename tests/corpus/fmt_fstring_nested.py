# Checks nested format specs in f-strings, dynamic width/precision, debug '=' specifier and conversions combined.
value = 3.14159265
for width in (6, 10):
    for prec in (1, 3):
        print(f"[{value:{width}.{prec}f}]")
align = "^"
fill = "#"
print(f"[{'ctr':{fill}{align}{11}}]")
spec = ".2e"
print(f"{value:{spec}}", f"{12345:{','}}", f"{255:{'#'}{'x'}}")
items = [("a", 1.5), ("bb", 22.25), ("ccc", 333.125)]
w = max(len(n) for n, _ in items)
for n, v in items:
    print(f"{n:>{w}} = {v:{w + 5}.2f}")
x, y = 3, 4
print(f"{x=}, {y=}, {x * y=}, {x if x > y else y=}")
print(f"{x = :>4}|", f"{value=:.3f}", f"{'s'=!r:>6}|")
name = "héllo"
print(f"{name!r:>10}|{name!a}|{name!s:_<8}|")
print(f"{f'{x}-{y}'}", f"{str(x) + '!'}", f"""{f'{f"{x}"}'}""")
nums = [1, 22, 333]
print(" ".join(f"{n:0{len(str(max(nums)))}d}" for n in nums))
dt = {"h": 7, "m": 5, "s": 9}
print(f"{dt['h']:02}:{dt['m']:02}:{dt['s']:02}")
print(f"{'%':*^5}", f"{-5:+}", f"{5:+}", f"{0.5:.0%}")
print(f"{1e6:,.0f}", f"{2**40:_}", f"{-0.0:+.1f}")
