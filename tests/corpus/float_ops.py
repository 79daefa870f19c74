# Checks float arithmetic and int/float mixing, comparisons across types, float methods and division errors.
print(1 + 1.0, type(1 + 1.0).__name__, 3 * 0.5, 10 - 0.25, 2 ** -1, 2.0 ** 3, 9 ** 0.5)
print(7 // 2.0, 7 % 2.5, -7 // 2.0, divmod(7.0, 2), 1e3 // 7)
print(1 == 1.0, 2 < 2.5, 3 >= 3.0, 10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(0.1 * 3, 0.1 * 3 == 0.3, 1.1 + 2.2, 3.3 - 1.1, 1.2 * 3, 0.7 + 0.1, 4.35 * 100)
print(max(1, 2.0), min(1.0, 1), max(2, 2.0), sorted([3, 1.5, 2, 0.5]))
print(abs(-2.5), -(2.5), +2.5, float.__name__, (2.5).real, (2.5).imag, (2.5).conjugate())
print(int(7.9), int(-7.9), float(7), 7 / 1, 1e0)
print((1.5).is_integer(), (2.0).is_integer(), (1e100).is_integer())
print(sum([1, 2.5, 3]), sum([0.1, 0.2, 0.3]), sum(range(5), 0.5))
print(1 / 3 + 1 / 3 + 1 / 3 == 1.0, 0.1 + 0.7, 1 - 0.9, 100 * 1.1)
print(3.0 // 1e-300 > 1e299, 1e-300 * 1e-300, -1e-300 * 1e-300)
print(hash(2.0) == hash(2), hash(0.5) == hash(0.5), {1: "a", 1.0: "b", 2.0: "c"}, 1.0 in {1}, 2 in {2.0: 0})
for fn, label in [(lambda: 1.0 / 0, "1.0/0"), (lambda: 1 / 0.0, "1/0.0"), (lambda: 5.0 // 0.0, "5.0//0.0"),
                  (lambda: 5.0 % 0, "5.0%0"), (lambda: 0.0 / 0.0, "0.0/0.0")]:
    try:
        fn()
    except ZeroDivisionError as e:
        print(label, type(e).__name__, e)
try:
    1.5 + "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * 2.0
except TypeError as e:
    print(type(e).__name__, e)
print(float("12.5") + int("3"), str(2.0) + str(3), 2.5 * True, 1.0 * False)
