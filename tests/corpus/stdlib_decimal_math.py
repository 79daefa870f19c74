# decimal: exp, ln, log10 and non-integral powers, correctly rounded as CPython's C decimal;
# each result with the flags it raised, across precisions and rounding modes.
from decimal import *
c = getcontext()
def f(label, x):
    c = getcontext(); c.clear_flags()
    try: r = x()
    except Exception as e: r = type(e).__name__
    print(label, repr(r), [k.__name__ for k, v in c.flags.items() if v])
vals = ['2', '10', '0.5', '1.0001', '0.9999', '123456.789', '1e-10', '1e10', '3.14159', '7', '1e-999', '9.99e999', '1.000000000000001', '0.1', '100', '2.718281828459045235360287471', '1e+100000']
for prec in [28, 5, 1, 50, 12]:
    with localcontext(prec=prec):
        for v in vals:
            d = Decimal(v)
            f('ln %s %d' % (v, prec), lambda: d.ln())
            f('log10 %s %d' % (v, prec), lambda: d.log10())
            f('exp %s %d' % (v, prec), lambda: d.exp())
            f('exp -%s %d' % (v, prec), lambda: (-d).exp())
for v in ['1E+10', '0.0100', '1.000', '-0', '0', '-1', 'inf', '-inf', 'nan', 'snan']:
    d = Decimal(v)
    f('log10 ' + v, lambda: d.log10()); f('ln ' + v, lambda: d.ln()); f('exp ' + v, lambda: d.exp())
for v in ['1e-50', '-1e-50', '2302600', '-2302600', '-2302585.09', '1e30', '-1e30', '-2302610', '-2302607.5', '230', '-230']:
    d = Decimal(v)
    f('exp ' + v, lambda: d.exp())
for prec in [28, 9, 3, 40]:
    for mode in [ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING]:
        with localcontext(prec=prec, rounding=mode, traps=[]):
            for a, b in [('2', '0.5'), ('4', '0.5'), ('1.00', '0.5'), ('10', '1.5'), ('2.5', '-0.25'), ('0.5', '3.7'), ('100', '0.01'), ('1.0001', '12345.6'), ('7', '1E-5'), ('123.456', '7.89'), ('10', '1E+7'), ('0.1', '1E+7'), ('9', '0.5'), ('27', '0.333333333333333333333333333333'), ('1.5', '2.000')]:
                x, y = Decimal(a), Decimal(b)
                f('%s**%s %d %s' % (a, b, prec, mode), lambda: x ** y)

print('-- pseudo-random operands')
state = 777


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


for i in range(40):
    coef = rnd(10 ** (rnd(12) + 1)) + 1
    x = Decimal((0, tuple(int(ch) for ch in str(coef)), rnd(24) - 16))
    y = Decimal((rnd(2), tuple(int(ch) for ch in str(rnd(99999) + 1)), -rnd(4)))
    with localcontext(prec=rnd(45) + 1, rounding=[ROUND_HALF_EVEN, ROUND_UP, ROUND_FLOOR][rnd(3)],
                      traps=[]):
        f('%d ln %s' % (i, x), lambda: x.ln())
        f('%d log10 %s' % (i, x), lambda: x.log10())
        f('%d exp %s' % (i, y), lambda: y.exp())
        f('%d pow %s %s' % (i, x, y), lambda: x ** y)
        f('%d sqrt %s' % (i, x), lambda: x.sqrt())

print('-- narrow exponent ranges, clamping, integral powers with large exponents')
state = 5
for i in range(60):
    coef = rnd(10 ** (rnd(12) + 1)) + 1
    x = Decimal((0, tuple(int(ch) for ch in str(coef)), rnd(30) - 20))
    y = Decimal((rnd(2), tuple(int(ch) for ch in str(rnd(99999) + 1)), -rnd(5)))
    emax = [999999, 50, 10, 200][rnd(4)]
    with localcontext(prec=rnd(30) + 1, rounding=[ROUND_HALF_EVEN, ROUND_UP, ROUND_FLOOR,
                                                  ROUND_DOWN, ROUND_05UP][rnd(5)],
                      Emax=emax, Emin=-emax, clamp=rnd(2), traps=[]):
        f('%d ln %s' % (i, x), lambda: x.ln())
        f('%d log10 %s' % (i, x), lambda: x.log10())
        f('%d exp %s' % (i, y), lambda: y.exp())
        f('%d pow %s %s' % (i, x, y), lambda: x ** y)
        f('%d ipow %s' % (i, x), lambda: x ** (rnd(60) - 30))
        f('%d ipow- %s' % (i, y), lambda: y ** (rnd(600) - 300))
        f('%d sqrt %s' % (i, x), lambda: x.sqrt())
