# Checks pow (2 and 3 args, negative exponents, modular inverse), divmod, abs, round on ints.
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(-2, -2), pow(0, 0), pow(2.5, 2), pow(4, 0.5))
print(2 ** -2, (-8) ** 2, -8 ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 4, -5), pow(2, 100, 1000))
print(pow(3, -1, 7), pow(5, -2, 13), (pow(3, -1, 7) * 3) % 7)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print((-8) ** (1 / 3) == (-8) ** (1 / 3), type((-8) ** 0.5).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(17.5, 5))
print(abs(-5), abs(5), abs(-0), abs(-2 ** 70), abs(-3.5), abs(True))
print(round(5), round(15, -1), round(25, -1), round(35, -1), round(-15, -1), round(1234, -2), round(1250, -2), round(1350, -2))
print(type(round(5, 1)).__name__, round(7, 0), round(123456, -10))
print(10 ** 0, 10 ** 1, 1 ** 1000, (-1) ** 1001, 0 ** 5)
print(pow(base=2, exp=5), pow(2, 5, mod=3))
print(sum(i ** 2 for i in range(10)), 2 ** 0.5 * 2 ** 0.5)
