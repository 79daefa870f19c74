# decimal: construction, printing, arithmetic, context precision and rounding, quantize,
# signals and traps; every result is printed with the flags it raised.
import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext,
                     ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR,
                     ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP, InvalidOperation,
                     DivisionByZero, Inexact, Rounded, Overflow, Underflow, Subnormal,
                     Clamped, FloatOperation, DecimalException, ConversionSyntax,
                     DivisionUndefined, DivisionImpossible)

ROUNDINGS = [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR,
             ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP]


def flags():
    c = getcontext()
    names = [k.__name__ for k, v in c.flags.items() if v]
    c.clear_flags()
    return names


def t(label, fn):
    getcontext().clear_flags()
    try:
        r = fn()
    except Exception as e:
        print(label, '!!', type(e).__name__, e, flags())
        return
    print(label, '->', repr(r), flags())


print('-- construction')
for s in ['0', '-0', '1.10', '  12  ', '1_000.5', '1e5', '1E-7', '-1.5e+3', '.5', '5.', '+0.000',
          'inf', '-Infinity', 'nan', 'NaN123', '-sNaN', 'sNaN45', '123456789012345678901234567890.123',
          '0E-10', '1e-1000', '1.', '00012.3400']:
    t('Decimal(%r)' % s, lambda s=s: Decimal(s))
for s in ['abc', '', '1e', '1.2.3', '1__0', '_1', 'e5', '--1', 'nan1.5', 'in f', '0x10']:
    t('Decimal(%r)' % s, lambda s=s: Decimal(s))
for v in [0, 7, -42, 10 ** 30, True, -(2 ** 70)]:
    t('Decimal(%r)' % v, lambda v=v: Decimal(v))
for f in [0.1, 1.1, -2.5, 0.0, -0.0, 1e300, 5e-324, float('inf'), float('-inf'), float('nan')]:
    t('Decimal(%r)' % f, lambda f=f: Decimal(f))
    t('from_float(%r)' % f, lambda f=f: Decimal.from_float(f))
for tp in [(0, (1, 2, 3), -2), (1, (0,), 0), (0, (1,), 5), (1, (), 'F'), (0, (1, 2), 'n'),
           (1, (3,), 'N'), [0, [4, 5], 1], (0, (1, 2)), (2, (1,), 0), (0, (1, 10), 0),
           (0, (1,), 'x'), (0, (1,), 1.5)]:
    t('Decimal(%r)' % (tp,), lambda tp=tp: Decimal(tp))
for v in [None, [1, 2], object]:
    t('Decimal(%s)' % type(v).__name__, lambda v=v: Decimal(v))
t('Decimal(Decimal)', lambda: Decimal(Decimal('1.50')))
t('Decimal()', lambda: Decimal())

print('-- str / repr / eng')
for s in ['123', '-123', '1.23E+3', '1.23E+5', '12.3', '0.00123', '-1.23E-10', '0E+2', '0E-8',
          '0.000001', '0.0000001', '1E+3', '123E+6', '-0.0', '1234567E-10', '1E+1', '12E-1',
          '0.1E-5', '1E-6', '1E-7', '5E+100', '0E+5', '0E-5', '-0E+7', 'Inf', 'NaN', '-NaN7']:
    d = Decimal(s)
    print(s, str(d), repr(d), d.to_eng_string())
with localcontext() as c:
    c.capitals = 0
    print(str(Decimal('1E+10')), repr(Decimal('-5e-20')), Decimal('1e+12').to_eng_string())

print('-- as_tuple / adjusted / predicates')
for s in ['1.10', '-0', '123E+4', 'Inf', '-NaN5', 'sNaN', '0.000', '-7.5E-3']:
    d = Decimal(s)
    print(s, d.as_tuple(), d.adjusted(), d.is_nan(), d.is_snan(), d.is_qnan(),
          d.is_infinite(), d.is_finite(), d.is_zero(), d.is_signed(), d.number_class())
print(Decimal('1.10').as_tuple().digits, Decimal('1.10').as_tuple().exponent)
print(Decimal('2.5').as_integer_ratio(), Decimal('-0.75').as_integer_ratio(), Decimal(12).as_integer_ratio())
print(Decimal('-3.5').copy_abs(), Decimal('3.5').copy_negate(), Decimal('3.5').copy_sign(Decimal('-0')),
      Decimal('-2').copy_sign(1))
print(Decimal('1.50').same_quantum(Decimal('2.30')), Decimal('1.5').same_quantum(Decimal('1.50')))
print(Decimal(1).is_normal(), Decimal('1e-1000000').is_subnormal(), Decimal(0).is_normal())

print('-- arithmetic')
pairs = [('1.1', '2.2'), ('1.10', '2.2'), ('-5', '3'), ('7', '-0.25'), ('1E+10', '1E-10'),
         ('0.1', '0.2'), ('123.456', '0.001'), ('-0', '0'), ('-0', '-0'), ('1', '-1'),
         ('9999999999999999999999999999', '1'), ('1E+30', '7'), ('2', '3'), ('1', '7'),
         ('-1', '3'), ('100', '8'), ('0', '5'), ('0.00', '1.0')]
for a, b in pairs:
    x, y = Decimal(a), Decimal(b)
    t('%s + %s' % (a, b), lambda: x + y)
    t('%s - %s' % (a, b), lambda: x - y)
    t('%s * %s' % (a, b), lambda: x * y)
    t('%s / %s' % (a, b), lambda: x / y)
    t('%s // %s' % (a, b), lambda: x // y)
    t('%s %% %s' % (a, b), lambda: x % y)
    t('divmod(%s, %s)' % (a, b), lambda: divmod(x, y))
for a, b in [(Decimal(5), 2), (3, Decimal('0.5')), (Decimal('1.5'), True), (10, Decimal(4))]:
    t('%r + %r' % (a, b), lambda: a + b)
    t('%r / %r' % (a, b), lambda: a / b)
    t('%r // %r' % (a, b), lambda: a // b)
    t('%r %% %r' % (a, b), lambda: a % b)
    t('%r - %r' % (a, b), lambda: a - b)
    t('%r * %r' % (a, b), lambda: a * b)
for s in ['1.5', '-1.5', '0', '-0', '12345678901234567890123456789012', 'Inf', '-Inf', 'NaN']:
    d = Decimal(s)
    t('-%s' % s, lambda: -d)
    t('+%s' % s, lambda: +d)
    t('abs(%s)' % s, lambda: abs(d))

print('-- division at various precisions')
for prec in [1, 3, 5, 9, 28, 40, 60]:
    with localcontext() as c:
        c.prec = prec
        t('1/3 prec %d' % prec, lambda: Decimal(1) / Decimal(3))
        t('2/3 prec %d' % prec, lambda: Decimal(2) / Decimal(3))
        t('-22/7 prec %d' % prec, lambda: Decimal(-22) / Decimal(7))
        t('1/8 prec %d' % prec, lambda: Decimal(1) / Decimal(8))
        t('100/4 prec %d' % prec, lambda: Decimal(100) / Decimal(4))
        t('1.00/3.0 prec %d' % prec, lambda: Decimal('1.00') / Decimal('3.0'))
        t('12345.6789 + 0.0001 prec %d' % prec, lambda: Decimal('12345.6789') + Decimal('0.0001'))
        t('999 * 999 prec %d' % prec, lambda: Decimal(999) * 999)
for mode in ROUNDINGS:
    with localcontext() as c:
        c.prec = 4
        c.rounding = mode
        t('%s 2/3' % mode, lambda: Decimal(2) / 3)
        t('%s -2/3' % mode, lambda: Decimal(-2) / 3)
        t('%s 1.23456' % mode, lambda: +Decimal('1.23456'))
        t('%s 1.00051' % mode, lambda: +Decimal('1.00051'))
        t('%s 1.0055' % mode, lambda: +Decimal('1.0055'))
        t('%s -1.0045' % mode, lambda: +Decimal('-1.0045'))
        t('%s 1 - 1' % mode, lambda: Decimal(1) - Decimal(1))
        t('%s 99995' % mode, lambda: +Decimal('99995'))

print('-- quantize')
vals = ['2.675', '-2.675', '2.665', '0.125', '-0.125', '1.005', '7.32500', '0', '-0.001', '12',
        '2.5', '3.5', '-2.5', '0.05', '0.15', '999.995']
for mode in ROUNDINGS:
    print(mode, [str(Decimal(v).quantize(Decimal('0.01'), rounding=mode)) for v in vals])
    print(mode, [str(Decimal(v).quantize(Decimal('1'), rounding=mode)) for v in vals])
t('quantize exp', lambda: Decimal('1.41421356').quantize(Decimal('1.000')))
t('quantize up', lambda: Decimal('1.41').quantize(Decimal('1.0000')))
t('quantize 1.10->0.1', lambda: Decimal('1.10').quantize(Decimal('0.1')))
t('quantize 1e3', lambda: Decimal('123456').quantize(Decimal('1e3')))
t('quantize too big', lambda: Decimal('1e30').quantize(Decimal('0.01')))
t('quantize inf', lambda: Decimal('inf').quantize(Decimal('1')))
t('quantize inf inf', lambda: Decimal('-inf').quantize(Decimal('inf')))
t('quantize nan', lambda: Decimal('nan').quantize(Decimal('1')))
t('quantize int', lambda: Decimal('1.2345').quantize(1))
t('quantize float', lambda: Decimal('1.2345').quantize(0.01))
t('quantize bad rounding', lambda: Decimal('1.2345').quantize(Decimal('0.1'), rounding='UP'))
t('quantize zero', lambda: Decimal('-0.0000').quantize(Decimal('0.01')))
t('quantize ctx', lambda: Decimal('1.2345').quantize(Decimal('0.01'), context=Context(prec=2)))

print('-- money')
total = Decimal('0')
cent = Decimal('0.01')
prices = ['19.99', '5.25', '0.10', '3.333', '100', '0.005', '2.675', '49.95']
for i, p in enumerate(prices):
    qty = i + 1
    line = (Decimal(p) * qty).quantize(cent, rounding=ROUND_HALF_UP)
    tax = (line * Decimal('0.0825')).quantize(cent)
    total += line + tax
    print('%-8s x%d = %10s tax %6s running %s' % (p, qty, line, tax, total))
print('total', total, '{:,.2f}'.format(total), '{:>12}'.format(str(total)))
balance = Decimal('1000.00')
rate = Decimal('0.05') / 12
for month in range(1, 13):
    interest = (balance * rate).quantize(cent, rounding=ROUND_HALF_EVEN)
    balance += interest - Decimal('50')
    print(month, interest, balance)
parts = [Decimal('100') / 3 for _ in range(3)]
print(parts, sum(parts), sum(p.quantize(cent) for p in parts))
print(sum([Decimal('0.1')] * 10), sum([Decimal('0.1')] * 10) == 1)

print('-- comparisons and hashing')
ds = [Decimal('1'), Decimal('1.0'), Decimal('1.00'), Decimal('-0'), Decimal('0'), Decimal('0.5'),
      Decimal('2.5'), Decimal('1e100'), Decimal('-inf'), Decimal('inf')]
for d in ds:
    print(repr(d), hash(d), d == 1, d == 1.0, d < 1, d >= 0, d == 0.5, d != 2.5, d > -1)
print(hash(Decimal('0.1')) == hash(0.1), hash(Decimal('0.5')) == hash(0.5), hash(Decimal(2 ** 80)) == hash(2 ** 80))
print(hash(Decimal('-1')), hash(Decimal('123.456')), hash(Decimal('1e-30')), hash(Decimal('-Infinity')))
print(Decimal('1.1') == 1.1, Decimal('0.5') == 0.5, Decimal(1) == True, Decimal(2) > 1.5)
print(flags())
print(sorted([Decimal('3'), Decimal('-1.5'), Decimal('2.25'), Decimal('0'), Decimal('1e-3')]))
print(max(Decimal('1.5'), Decimal('1.50')), min(Decimal('2'), Decimal('-3')))
print({Decimal('1.0'): 'a', 1: 'b'}, {Decimal(2), 2, 2.0})
t('nan == 1', lambda: Decimal('NaN') == 1)
t('nan != nan', lambda: Decimal('NaN') != Decimal('NaN'))
t('nan < 1', lambda: Decimal('NaN') < 1)
t('snan == 1', lambda: Decimal('sNaN') == 1)
t('cmp str', lambda: Decimal(1) < 'a')
t('cmp str r', lambda: 'a' > Decimal(1))
t('eq str', lambda: Decimal(1) == '1')
t('eq list', lambda: Decimal(1) != [1])
t('compare', lambda: (Decimal(1).compare(2), Decimal(2).compare(Decimal('2.0')), Decimal(3).compare(1)))
t('compare nan', lambda: Decimal(1).compare(Decimal('nan')))

print('-- integer powers')
for a, b in [('2', 10), ('2', 100), ('1.1', 2), ('1.10', 3), ('3', -5), ('-2', 3), ('-2', -3),
             ('10', 28), ('10', 29), ('0.5', 20), ('7', 0), ('0', 5), ('0', -2), ('-0', 3), ('1.00', 3),
             ('1.00', -2), ('1.000000001', 1000), ('12345', 7), ('-1.5', 4), ('0.1', -3),
             ('Inf', 2), ('-Inf', 3), ('Inf', -1), ('Inf', 0), ('NaN', 2), ('2', '1.5E+1'),
             ('9', 1000000), ('0.9', 1000000), ('1.0001', 123456)]:
    x = Decimal(a)
    y = Decimal(b) if isinstance(b, str) else b
    t('%s ** %s' % (a, b), lambda: x ** y)
t('0 ** 0', lambda: Decimal(0) ** 0)
t('-2 ** 0.5', lambda: Decimal(-2) ** Decimal('0.5'))
t('2 ** float', lambda: Decimal(2) ** 0.5)
t('int ** Decimal', lambda: 2 ** Decimal(10))
t('pow(D, D)', lambda: pow(Decimal(3), Decimal(4)))
with localcontext() as c:
    c.prec = 5
    t('2**20 prec 5', lambda: Decimal(2) ** 20)
    t('1.5**-3 prec 5', lambda: Decimal('1.5') ** -3)

print('-- sqrt')
for s in ['2', '4', '0.04', '100', '1E+3', '0', '-0', '0.0400', '1E-5', '17', '0.001', '1E+1000',
          '-4', 'Inf', '-Inf', 'NaN', '152415787532388367504942236884722755800955129', '0.25']:
    t('sqrt(%s)' % s, lambda s=s: Decimal(s).sqrt())
with localcontext() as c:
    c.prec = 50
    t('sqrt(2) prec 50', lambda: Decimal(2).sqrt())
    c.prec = 3
    c.rounding = ROUND_DOWN
    t('sqrt(2) prec 3 down', lambda: Decimal(2).sqrt())

print('-- to_integral / normalize / round / int / float')
for s in ['2.5', '3.5', '-2.5', '2.4999', '-0.5', '123.456', '1E+3', '-1E-3', '0.0', 'Inf', 'NaN']:
    d = Decimal(s)
    t('to_integral_value(%s)' % s, lambda: d.to_integral_value())
    t('to_integral_exact(%s)' % s, lambda: d.to_integral_exact())
    t('to_integral(%s, FLOOR)' % s, lambda: d.to_integral(rounding=ROUND_FLOOR))
    t('normalize(%s)' % s, lambda: d.normalize())
    t('round(%s)' % s, lambda: round(d))
    t('round(%s, 1)' % s, lambda: round(d, 1))
    t('round(%s, -1)' % s, lambda: round(d, -1))
    t('int(%s)' % s, lambda: int(d))
    t('float(%s)' % s, lambda: float(d))
import math
print(math.floor(Decimal('-2.5')), math.ceil(Decimal('-2.5')), math.trunc(Decimal('-2.5')),
      math.floor(Decimal('7.9')), math.ceil(Decimal('7.1')))
for s in ['1200', '-0.00', '12.3000', '1E+5', '100E-2']:
    print(s, repr(Decimal(s).normalize()))
t('float(snan)', lambda: float(Decimal('sNaN')))
t('int(-inf)', lambda: int(Decimal('-Infinity')))
t('round(1e30, 2)', lambda: round(Decimal('1e30'), 2))
print(float(Decimal('0.1')), float(Decimal('-1.5e300')), float(Decimal('1e400')), bool(Decimal('0.0')), bool(Decimal('NaN')))

print('-- format')
specs = ['', '.2f', '.0f', '.3f', ',', ',.2f', 'e', '.3e', 'E', '.2%', '%', 'g', '.3g', '>12.2f',
         '<12', '^14,.2f', '+.1f', ' .1f', '012.2f', '010,.1f', '*^10', 'f', '.10f', '#.0f',
         '=+10.2f', '_.1f', '.0e', 'G', '.1%']
for s in ['1234567.891', '-0.0045', '0', '1E+5', '-1.5', '0.000012345', '123.450', 'Inf', 'NaN']:
    d = Decimal(s)
    out = []
    for sp in specs:
        try:
            out.append(format(d, sp))
        except Exception as e:
            out.append('%s: %s' % (type(e).__name__, e))
    print(s, out)
print(f'{Decimal("3.14159"):.2f} {Decimal("-0.001"):z.1f} {Decimal(1234):08,}')
print('%s %r %.2f' % (Decimal('1.5'), Decimal('2.50'), Decimal('3.14159')))
try:
    format(Decimal(1), 'x')
except ValueError as e:
    print('ValueError', e)

print('-- contexts')
c = getcontext()
print(c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp)
print(c)
print(decimal.DefaultContext)
print(decimal.BasicContext)
print(decimal.ExtendedContext)
ctx = Context(prec=6, rounding=ROUND_UP)
print(ctx, ctx.Etiny(), ctx.Etop())
print(ctx.add(Decimal(1), Decimal('0.0000001')), ctx.divide(1, 7), ctx.multiply(Decimal('1.23456'), 3))
print(ctx.create_decimal('3.14159265'), ctx.create_decimal(10 ** 10), ctx.power(2, 30))
print(ctx.flags[Inexact], ctx.flags[Rounded], ctx)
ctx.clear_flags()
print(ctx.quantize(Decimal('1.2345'), Decimal('0.01')), ctx.sqrt(Decimal(2)), ctx.subtract(5, 7))
print(ctx.divide_int(17, 5), ctx.remainder(17, 5), ctx.divmod(17, 5), ctx.abs(-3), ctx.minus(4), ctx.plus(Decimal('-0')))
print(ctx.to_sci_string(Decimal('1E+7')), ctx.to_eng_string(Decimal('1E+7')), ctx.compare(1, 2))
with localcontext() as lc:
    lc.prec = 4
    print(lc.prec, Decimal(1) / 7)
print(getcontext().prec, Decimal(1) / 7)
with localcontext(prec=3, rounding=ROUND_DOWN) as lc:
    print(lc.prec, lc.rounding, Decimal(2) / 3)
with localcontext(Context(prec=2)) as lc:
    print(Decimal('1.77') + 0)
print(Decimal(2) / 3)
old = getcontext()
setcontext(Context(prec=5))
print(getcontext().prec, Decimal(1) / 3)
setcontext(old)
print(getcontext().prec)
for attr, v in [('prec', 0), ('prec', 'x'), ('rounding', 'foo'), ('Emin', 5), ('Emax', -1),
                ('capitals', 2), ('clamp', 3), ('foo', 1)]:
    try:
        setattr(Context(), attr, v)
        print(attr, 'ok')
    except Exception as e:
        print(attr, type(e).__name__, e)
try:
    localcontext(foo=1)
except TypeError as e:
    print('TypeError', e)
try:
    getcontext().flags['x']
except KeyError as e:
    print('KeyError', e)
print(getcontext().flags)
print(getcontext().traps[InvalidOperation], getcontext().traps[Inexact])

print('-- signals and traps')
for cls in [InvalidOperation, DivisionByZero, DivisionUndefined, DivisionImpossible, Inexact,
            Rounded, Overflow, Underflow, Subnormal, Clamped, FloatOperation, ConversionSyntax]:
    print(cls.__name__, [b.__name__ for b in cls.__mro__][1:-3], issubclass(cls, ArithmeticError),
          issubclass(cls, ZeroDivisionError), issubclass(cls, TypeError))
t('1/0', lambda: Decimal(1) / 0)
t('-1/0', lambda: Decimal(-1) / 0)
t('0/0', lambda: Decimal(0) / 0)
t('1//0', lambda: Decimal(1) // 0)
t('1%0', lambda: Decimal(1) % 0)
t('0%0', lambda: Decimal(0) % 0)
t('divmod(1, 0)', lambda: divmod(Decimal(1), 0))
t('1e30 // 1', lambda: Decimal('1e30') // 1)
t('inf - inf', lambda: Decimal('inf') - Decimal('inf'))
t('inf * 0', lambda: Decimal('inf') * 0)
t('inf / inf', lambda: Decimal('inf') / Decimal('-inf'))
t('1 / inf', lambda: Decimal(1) / Decimal('inf'))
t('inf + 1', lambda: Decimal('inf') + 1)
t('inf % 3', lambda: Decimal('inf') % 3)
t('5 % inf', lambda: Decimal(5) % Decimal('inf'))
t('snan + 1', lambda: Decimal('sNaN') + 1)
t('nan + 1', lambda: Decimal('NaN') + 1)
t('1 + nan2', lambda: 1 + Decimal('-NaN2'))
t('overflow', lambda: Decimal('9e999999') * 10)
t('bad str', lambda: Decimal('1.2.3'))
t('sqrt(-1)', lambda: Decimal(-1).sqrt())
t('hash snan', lambda: hash(Decimal('sNaN')))
t('add float', lambda: Decimal(1) + 1.5)
t('radd float', lambda: 1.5 + Decimal(1))
t('mul str', lambda: Decimal(1) * 'a')
t('div list', lambda: [1] / Decimal(1))
t('pow float', lambda: Decimal(1) ** 1.5)
try:
    Decimal('xyz')
except DecimalException as e:
    print('caught', type(e).__name__, e.args, isinstance(e, ConversionSyntax))
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print('caught zero', type(e).__name__, e)
with localcontext() as c:
    c.traps[InvalidOperation] = False
    c.traps[DivisionByZero] = False
    c.traps[Overflow] = False
    for label, fn in [('1/0', lambda: Decimal(1) / 0), ('0/0', lambda: Decimal(0) / 0),
                      ('bad', lambda: Decimal('junk')), ('ovf', lambda: Decimal('9e999999') * 10),
                      ('sqrt', lambda: Decimal(-4).sqrt()), ('divmod', lambda: divmod(Decimal(3), 0)),
                      ('snan', lambda: Decimal('sNaN1') * 2)]:
        c.clear_flags()
        r = fn()
        print(label, repr(r), [k.__name__ for k, v in c.flags.items() if v])
    print(c)
with localcontext() as c:
    c.traps[Inexact] = True
    t('inexact trap', lambda: Decimal(1) / 3)
    t('exact ok', lambda: Decimal(1) / 4)
    c.traps[Rounded] = True
    t('rounded+inexact trap', lambda: Decimal(2) / 3)
    t('rounded trap', lambda: +Decimal('1.00000000000000000000000000000000'))
with localcontext() as c:
    c.traps[FloatOperation] = True
    t('float op ctor', lambda: Decimal(1.5))
    t('float op from_float', lambda: Decimal.from_float(1.5))
    t('float op lt', lambda: Decimal(1) < 1.5)
    t('float op eq', lambda: Decimal(1) == 1.5)
with localcontext() as c:
    c.prec = 3
    c.Emax = 5
    c.Emin = -5
    for s in ['123456', '999999', '1e-7', '1.234e-6', '1e-9', '0e-10', '9.999e5']:
        t('ctx small %s' % s, lambda s=s: +Decimal(s))
    c.traps[Overflow] = False
    for mode in ROUNDINGS:
        c.rounding = mode
        t('overflow %s' % mode, lambda: Decimal('9e5') * -10)
    c.clamp = 1
    t('clamp', lambda: +Decimal('1e5'))
    t('clamp zero', lambda: +Decimal('0e9'))
print(getcontext())
