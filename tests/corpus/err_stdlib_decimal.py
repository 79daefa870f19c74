# decimal: a trapped signal ends the program with CPython's traceback, which shows no frames
# inside the decimal module (CPython's is written in C).
from decimal import Decimal


def unit_price(total, count):
    return (total / count).quantize(Decimal('0.01'))


print(unit_price(Decimal('10.00'), 3))
print(unit_price(Decimal('10.00'), Decimal(0)))
