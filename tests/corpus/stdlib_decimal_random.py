# decimal: pseudo-random operands (a fixed LCG, no `random`) through every operation at many
# precisions and rounding modes; each line is a result plus the flags it raised.
from decimal import (Decimal, localcontext, getcontext, ROUND_HALF_EVEN, ROUND_HALF_UP,
                     ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN,
                     ROUND_05UP, InvalidOperation, DivisionByZero, Overflow)

MODES = [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING,
         ROUND_HALF_DOWN, ROUND_05UP]
state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


def number():
    kind = rnd(10)
    if kind == 0:
        return Decimal(rnd(3) - 1)
    digits = rnd(40) + 1 if kind < 8 else rnd(6) + 1
    coef = 0
    for _ in range(digits):
        coef = coef * 10 + rnd(10)
    exp = rnd(30) - 20 if kind < 9 else rnd(12) - 6
    sign = rnd(2)
    return Decimal((sign, tuple(int(c) for c in str(coef)), exp))


def show(label, fn):
    ctx = getcontext()
    ctx.clear_flags()
    try:
        r = fn()
    except (InvalidOperation, DivisionByZero, Overflow) as e:
        r = type(e).__name__ + str(e)
    names = ''.join(k.__name__[:3] for k, v in ctx.flags.items() if v)
    print(label, r, names)


for i in range(120):
    a, b = number(), number()
    with localcontext() as ctx:
        ctx.prec = [28, 5, 9, 16, 1, 40, 3][rnd(7)]
        ctx.rounding = MODES[rnd(8)]
        ctx.traps[InvalidOperation] = False
        ctx.traps[DivisionByZero] = False
        print('#', i, ctx.prec, ctx.rounding, a, b)
        show('add', lambda: a + b)
        show('sub', lambda: a - b)
        show('mul', lambda: a * b)
        show('div', lambda: a / b)
        show('fdiv', lambda: a // b)
        show('mod', lambda: a % b)
        show('q', lambda: a.quantize(Decimal((0, (1,), rnd(10) - 6))))
        show('sqrt', lambda: abs(a).sqrt())
        show('pow', lambda: a ** (rnd(9) - 3))
        show('plus', lambda: +a)
        show('norm', lambda: a.normalize())
        show('int', lambda: a.to_integral_value())
        show('cmp', lambda: (a < b, a == b, a.compare(b)))
        show('fmt', lambda: '{:.3f}|{:,.2f}|{:.4e}|{:g}|{:.2%}'.format(a, b, a, b, a))
        show('round', lambda: (round(a), round(b, 2)))
        show('hash', lambda: hash(a) == hash(+a) or a != +a)

print('-- narrow exponent range: subnormals, overflow, clamping')
for i in range(80):
    a, b = number(), number()
    with localcontext() as ctx:
        ctx.prec = [5, 9, 3, 12][rnd(4)]
        ctx.rounding = MODES[rnd(8)]
        ctx.Emax = rnd(20) + 5
        ctx.Emin = -(rnd(20) + 5)
        ctx.clamp = rnd(2)
        ctx.traps[InvalidOperation] = False
        ctx.traps[DivisionByZero] = False
        ctx.traps[Overflow] = False
        print('#', i, ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.clamp, a, b)
        show('add', lambda: a + b)
        show('mul', lambda: a * b)
        show('div', lambda: a / b)
        show('mod', lambda: a % b)
        show('q', lambda: a.quantize(Decimal((0, (1,), rnd(10) - 6))))
        show('sqrt', lambda: abs(a).sqrt())
        show('pow', lambda: b ** (rnd(21) - 10))
        show('plus', lambda: +a)
        show('norm', lambda: a.normalize())
        show('create', lambda: ctx.create_decimal(str(a)))
