# Checks floor division and modulo with all sign combinations for ints and floats, divmod, and zero-division errors.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(f"{a:>3} // {b:>2} = {a // b:>3}   {a:>3} % {b:>2} = {a % b:>3}   divmod = {divmod(a, b)}")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (5.0, 0.3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-3 % 10, 3 % -10, -3.0 % 10, 13 % 4.5)
print(7 / 2, -7 / 2, 8 / 2, type(8 / 2).__name__, 1 / 3)
print(int(-7 / 2), int(7 / -2), -7 // 2)
zero = 0
cases = [
    ("1 // 0", lambda: 1 // zero), ("1 % 0", lambda: 1 % zero), ("1 / 0", lambda: 1 / zero),
    ("divmod(1, 0)", lambda: divmod(1, zero)), ("1.0 // 0", lambda: 1.0 // zero),
    ("1.0 % 0", lambda: 1.0 % zero), ("1.0 / 0", lambda: 1.0 / zero), ("0 / 0", lambda: zero / zero),
    ("5 % 0.0", lambda: 5 % 0.0), ("divmod(1.0, 0.0)", lambda: divmod(1.0, 0.0)),
]
for expr, fn in cases:
    try:
        fn()
    except ZeroDivisionError as e:
        print(f"{expr:>16}: {type(e).__name__}: {e}")
print(0 // 5, -0 // 5, 0 % -5)
print(10 ** 20 // 3, -(10 ** 20) // 3, -(10 ** 20) % 3)
print(True // 1, True % 2, False // True)
