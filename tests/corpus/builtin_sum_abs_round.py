# Checks sum (start, floats, non-numeric errors), abs (int/float/bool/custom), and round (ints, floats, ndigits).
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(10), 5), sum([0.1, 0.2, 0.3]), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True]), sum(x * x for x in range(4)))
print(sum([1e100, 1.0, -1e100]), sum([0.1] * 10), sum(range(101), start=-5050))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-3), abs(3), abs(-3.5), abs(0), abs(-0.0), abs(True), abs(-2 ** 100))
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
print(abs(Vec(3, 4)))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.5), round(-0.5))
print(round(1234.5678, 2), round(1234.5678, -2), round(15, -1), round(25, -1), round(-25, -1), round(1.0000001, 5))
print(divmod(7, 3), divmod(-7, 3), divmod(7.5, 2), pow(2, 8), pow(2, 8, 5), pow(-2, 3), pow(9, 0.5))
