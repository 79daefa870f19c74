# Quickened item stores (list, dict) and float arithmetic mixed with ints, and their
# fallbacks when the container or operand types change mid-run.


class Recorder(list):
    def __setitem__(self, i, v):
        print("Recorder set", i, v)


class Loud(dict):
    def __setitem__(self, k, v):
        print("Loud set", k, v)


def store(c, k, v):
    c[k] = v
    return c


print("-- list stores")
xs = [0] * 5
for i in range(40):
    store(xs, i % 5, i)
print(xs, store([1, 2, 3], -1, "last"))
print(store(Recorder([1, 2]), 0, "r"))
try:
    store([1, 2], 2, "x")
except IndexError as e:
    print("IndexError", e)
try:
    store([1, 2], "0", "x")
except TypeError as e:
    print("TypeError", e)
try:
    store((1, 2), 0, "x")
except TypeError as e:
    print("TypeError", e)
print(store([5, 6], 1, 7), store(xs, 0, "back"))

print("-- dict stores")
d = {}
for i in range(40):
    store(d, i % 7, i)
    store(d, "k%d" % (i % 3), i)
print(d)
print(store(Loud(), "a", 1))
print(store(d, 2.5, "float key")[2.5], store(d, (1, 2), "tuple key")[(1, 2)])
try:
    store(d, [1], 0)
except TypeError as e:
    print("TypeError", e)
print(store({}, "x", 1), len(store(d, 3, "again")))


def arith(a, b):
    return a + b, a - b, a * b, a / b


print("-- mixed float arithmetic")
for i in range(40):
    r = arith(1.5, i + 1)
print(r, arith(3, 0.5), arith(2.0, 4.0), arith(-7, 2.0))
print(arith(10, 4), arith(2 ** 70, 2.0), arith(1.0, 2 ** 60 + 1))
print(arith(0.1, True), arith(1e308, 10))
try:
    arith(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    arith(1, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    arith(1.0, "x")
except TypeError as e:
    print("TypeError", e)
print(arith(0.25, 3), arith(float("inf"), 1), arith(-0.0, 0)[0:3])
