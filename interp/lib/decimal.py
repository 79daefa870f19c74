"""Decimal floating-point arithmetic with CPython 3.11's results, written for Ember.

A finite Decimal is (sign, coefficient, exponent) with the coefficient a Python int, so the
arithmetic is exact integer work followed by one rounding step (`_finish`) that applies the
context's precision, rounding mode and exponent range. Conditions are kept as the bit flags
CPython's libmpdec uses, because the order of those bits shows through in `repr(Context)`
and in the list an exception carries (`[<class 'decimal.ConversionSyntax'>]`).
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
    'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
    'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
    'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# ---------------------------------------------------------------------------------------
# Signals and conditions

class DecimalException(ArithmeticError):
    pass

class Clamped(DecimalException):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

class DivisionImpossible(InvalidOperation):
    pass

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass

class Inexact(DecimalException):
    pass

class InvalidContext(InvalidOperation):
    pass

class Rounded(DecimalException):
    pass

class Subnormal(DecimalException):
    pass

class Overflow(Inexact, Rounded):
    pass

class Underflow(Inexact, Rounded, Subnormal):
    pass

class FloatOperation(DecimalException, TypeError):
    pass

# Condition bits, numbered as libmpdec numbers them.
_CLAMPED = 0x1
_CONVERSION_SYNTAX = 0x2
_DIVISION_BY_ZERO = 0x4
_DIVISION_IMPOSSIBLE = 0x8
_DIVISION_UNDEFINED = 0x10
_INEXACT = 0x40
_INVALID_CONTEXT = 0x80
_INVALID_OPERATION = 0x100
_FLOAT_OPERATION = 0x400
_OVERFLOW = 0x800
_ROUNDED = 0x1000
_SUBNORMAL = 0x2000
_UNDERFLOW = 0x4000
_ALL_INVALID = (_CONVERSION_SYNTAX | _DIVISION_IMPOSSIBLE | _DIVISION_UNDEFINED | 0x20
                | _INVALID_CONTEXT | _INVALID_OPERATION | 0x200)
_ERRORS = _ALL_INVALID | _DIVISION_BY_ZERO

# The signals in the order CPython reports them, with the bits each one covers.
_SIGNALS = ((InvalidOperation, _ALL_INVALID), (FloatOperation, _FLOAT_OPERATION),
            (DivisionByZero, _DIVISION_BY_ZERO), (Overflow, _OVERFLOW),
            (Underflow, _UNDERFLOW), (Subnormal, _SUBNORMAL), (Inexact, _INEXACT),
            (Rounded, _ROUNDED), (Clamped, _CLAMPED))
_SIGNAL_BITS = dict(_SIGNALS)
# The classes an exception's list names, in CPython's order.
_CONDITIONS = ((InvalidOperation, _INVALID_OPERATION), (ConversionSyntax, _CONVERSION_SYNTAX),
               (DivisionImpossible, _DIVISION_IMPOSSIBLE),
               (DivisionUndefined, _DIVISION_UNDEFINED), (InvalidContext, _INVALID_CONTEXT)) \
    + _SIGNALS[1:]
# Names repr(Context) prints, one per bit, in bit order.
_BIT_NAMES = ((_CLAMPED, 'Clamped'), (_CONVERSION_SYNTAX, 'InvalidOperation'),
              (_DIVISION_BY_ZERO, 'DivisionByZero'), (_DIVISION_IMPOSSIBLE, 'InvalidOperation'),
              (_DIVISION_UNDEFINED, 'InvalidOperation'), (0x20, 'InvalidOperation'),
              (_INEXACT, 'Inexact'), (_INVALID_CONTEXT, 'InvalidOperation'),
              (_INVALID_OPERATION, 'InvalidOperation'), (0x200, 'InvalidOperation'),
              (_FLOAT_OPERATION, 'FloatOperation'), (_OVERFLOW, 'Overflow'),
              (_ROUNDED, 'Rounded'), (_SUBNORMAL, 'Subnormal'), (_UNDERFLOW, 'Underflow'))

_SIGNAL_KEY_ERROR = ('valid values for signals are:\n'
                     '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                     '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                     '   Clamped]')


def _bits_names(bits):
    names = []
    for bit, name in _BIT_NAMES:
        if bits & bit and name not in names:
            names.append(name)
    return '[' + ', '.join(names) + ']'


class _SignalDict:
    """The `flags` / `traps` view of a context: signal class -> bool over a bit field."""
    __slots__ = ('_ctx', '_attr')

    def __init__(self, ctx, attr):
        self._ctx = ctx
        self._attr = attr

    def _bit(self, key):
        bit = _SIGNAL_BITS.get(key) if isinstance(key, type) else None
        if bit is None:
            raise KeyError(_SIGNAL_KEY_ERROR)
        return bit

    def __getitem__(self, key):
        return bool(object.__getattribute__(self._ctx, self._attr) & self._bit(key))

    def __setitem__(self, key, value):
        bit = self._bit(key)
        bits = object.__getattribute__(self._ctx, self._attr)
        object.__setattr__(self._ctx, self._attr, bits | bit if value else bits & ~bit)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter([s for s, _ in _SIGNALS])

    def __len__(self):
        return len(_SIGNALS)

    def __contains__(self, key):
        return key in _SIGNAL_BITS

    def keys(self):
        return [s for s, _ in _SIGNALS]

    def values(self):
        return [self[s] for s, _ in _SIGNALS]

    def items(self):
        return [(s, self[s]) for s, _ in _SIGNALS]

    def get(self, key, default=None):
        return self[key] if key in _SIGNAL_BITS else default

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            other = other.copy()
        return self.copy() == other

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % (s, self[s]) for s, _ in _SIGNALS) + '}'


def _signal_mask(value):
    """Bits for a `flags=`/`traps=` argument: a list of signals or a signal->bool dict."""
    bits = 0
    if isinstance(value, dict):
        # A dict must name every signal, as CPython's signal dicts do.
        if len(value) != len(_SIGNALS):
            raise KeyError('invalid signal dict')
        for sig, bit in _SIGNALS:
            if sig not in value:
                raise KeyError('invalid signal dict')
            if value[sig]:
                bits |= bit
        return bits
    for key in value:
        bit = _SIGNAL_BITS.get(key) if isinstance(key, type) else None
        if bit is None:
            raise KeyError(_SIGNAL_KEY_ERROR)
        bits |= bit
    return bits


# ---------------------------------------------------------------------------------------
# Context

_ROUNDING_ERROR = ('valid values for rounding are:\n'
                   '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                   '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                   '   ROUND_05UP]')


def _check_int(value):
    if not isinstance(value, int):
        raise TypeError('an integer is required')


class Context:
    """Precision, rounding, exponent limits, and the flags and traps of signals."""
    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp',
                 '_flagbits', '_trapbits')
    __tp_name__ = 'decimal.Context'

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = DefaultContext if '_DEFAULT_READY' in globals() else None
        self.prec = prec if prec is not None else (base._prec if base else 28)
        self.rounding = rounding if rounding is not None else (
            base._rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base._Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base._Emax if base else 999999)
        self.capitals = capitals if capitals is not None else (base._capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base._clamp if base else 0)
        object.__setattr__(self, '_flagbits', 0 if flags is None else _signal_mask(flags))
        if traps is None:
            trapbits = base._trapbits if base else (_ALL_INVALID | _DIVISION_BY_ZERO | _OVERFLOW)
        else:
            trapbits = _signal_mask(traps)
        object.__setattr__(self, '_trapbits', trapbits)

    def __setattr__(self, name, value):
        if name[:1] == '_' and name in Context.__slots__:
            object.__setattr__(self, name, value)
            return
        if name == 'prec':
            _check_int(value)
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'rounding':
            if value not in _ROUNDINGS or not isinstance(value, str):
                raise TypeError(_ROUNDING_ERROR)
        elif name == 'Emin':
            _check_int(value)
            if not MIN_EMIN <= value <= 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            _check_int(value)
            if not 0 <= value <= MAX_EMAX:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            _check_int(value)
            if value not in (0, 1):
                raise ValueError('valid values for capitals are 0 or 1')
        elif name == 'clamp':
            _check_int(value)
            if value not in (0, 1):
                raise ValueError('valid values for clamp are 0 or 1')
        elif name in ('flags', 'traps'):
            if isinstance(value, _SignalDict):
                value = value.copy()
            if not isinstance(value, dict):
                raise TypeError('argument must be a signal dict')
            object.__setattr__(self, '_flagbits' if name == 'flags' else '_trapbits',
                               _signal_mask(value))
            return
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, '_' + name, value)

    def __getattr__(self, name):
        raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)

    @property
    def prec(self):
        return self._prec

    @property
    def rounding(self):
        return self._rounding

    @property
    def Emin(self):
        return self._Emin

    @property
    def Emax(self):
        return self._Emax

    @property
    def capitals(self):
        return self._capitals

    @property
    def clamp(self):
        return self._clamp

    @property
    def flags(self):
        return _SignalDict(self, '_flagbits')

    @property
    def traps(self):
        return _SignalDict(self, '_trapbits')

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def radix(self):
        return Decimal(10)

    def clear_flags(self):
        object.__setattr__(self, '_flagbits', 0)

    def clear_traps(self):
        object.__setattr__(self, '_trapbits', 0)

    def copy(self):
        c = Context.__new__(Context)
        for name in Context.__slots__:
            object.__setattr__(c, name, object.__getattribute__(self, name))
        return c

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self._prec, self._rounding, self._Emin, self._Emax,
                          self._capitals, self._clamp,
                          [s for s, b in _SIGNALS if self._flagbits & b],
                          [s for s, b in _SIGNALS if self._trapbits & b]))

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=%s, traps=%s)' % (self._prec, self._rounding, self._Emin, self._Emax,
                                         self._capitals, self._clamp,
                                         _bits_names(self._flagbits),
                                         _bits_names(self._trapbits)))

    def _signal(self, status):
        """Record `status` bits as flags; raise the first trapped signal as CPython does."""
        if not status:
            return
        object.__setattr__(self, '_flagbits', self._flagbits | status)
        trapped = status & self._trapbits
        if trapped:
            for cls, bits in _SIGNALS:
                if trapped & bits:
                    break
            raise cls([c for c, b in _CONDITIONS if trapped & b])

    def create_decimal(self, num='0'):
        if isinstance(num, float):
            self._signal(_FLOAT_OPERATION)
            d = _from_float(num)
        elif isinstance(num, str):
            d = _from_str(num, self)
        else:
            d = Decimal(num)
        st = [0]
        if d._special:
            r = _fix_nan(d, self)
        else:
            r = _finish(d._sign, d._int, d._exp, self, st)
        self._signal(st[0])
        return r

    def create_decimal_from_float(self, f):
        return self.create_decimal(Decimal.from_float(f))

    def _apply(self, a):
        return _a(a)._plus(self)

    def abs(self, a):
        return _a(a)._abs(self)

    def add(self, a, b):
        return _a(a)._add(_b(b), self)

    def subtract(self, a, b):
        return _a(a)._add(_b(b), self, True)

    def multiply(self, a, b):
        return _a(a)._mul(_b(b), self)

    def divide(self, a, b):
        return _a(a)._div(_b(b), self)

    def divide_int(self, a, b):
        return _a(a)._divmod(_b(b), self, 1)

    def remainder(self, a, b):
        return _a(a)._divmod(_b(b), self, 2)

    def divmod(self, a, b):
        return _a(a)._divmod(_b(b), self, 3)

    def power(self, a, b, modulo=None):
        if modulo is not None:
            return _a(a)._powmod(_b(b), _b(modulo), self)
        return _a(a)._pow(_b(b), self)

    def plus(self, a):
        return _a(a)._plus(self)

    def minus(self, a):
        return _a(a)._minus(self)

    def sqrt(self, a):
        return _a(a).sqrt(self)

    def exp(self, a):
        return _a(a).exp(self)

    def ln(self, a):
        return _a(a).ln(self)

    def log10(self, a):
        return _a(a).log10(self)

    def quantize(self, a, b):
        return _a(a).quantize(_b(b), context=self)

    def normalize(self, a):
        return _a(a).normalize(self)

    def to_integral_value(self, a):
        return _a(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _a(a).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return _a(a).__str__(context=self)

    def to_eng_string(self, a):
        return _a(a).to_eng_string(self)

    def compare(self, a, b):
        return _a(a).compare(_b(b), self)

    def copy_abs(self, a):
        return _a(a).copy_abs()

    def copy_negate(self, a):
        return _a(a).copy_negate()

    def copy_sign(self, a, b):
        return _a(a).copy_sign(_b(b))

    def copy_decimal(self, a):
        return _a(a)

    def canonical(self, a):
        return _a(a)

    def is_canonical(self, a):
        return True

    def is_finite(self, a):
        return _a(a).is_finite()

    def is_infinite(self, a):
        return _a(a).is_infinite()

    def is_nan(self, a):
        return _a(a).is_nan()

    def is_qnan(self, a):
        return _a(a).is_qnan()

    def is_snan(self, a):
        return _a(a).is_snan()

    def is_signed(self, a):
        return _a(a).is_signed()

    def is_zero(self, a):
        return _a(a).is_zero()

    def is_normal(self, a):
        return _a(a).is_normal(self)

    def is_subnormal(self, a):
        return _a(a).is_subnormal(self)

    def max(self, a, b):
        return _a(a).max(_b(b), self)

    def min(self, a, b):
        return _a(a).min(_b(b), self)

    def same_quantum(self, a, b):
        return _a(a).same_quantum(_b(b))

    def scaleb(self, a, b):
        return _a(a).scaleb(_b(b), self)

    def next_plus(self, a):
        return _a(a).next_plus(self)

    def next_minus(self, a):
        return _a(a).next_minus(self)

    def fma(self, a, b, c):
        return _a(a).fma(b, c, self)


def _a(v):
    """The first operand of a Context method: a Decimal or an int."""
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return _from_int(v)
    raise TypeError('conversion from %s to Decimal is not supported' % type(v).__name__)


_b = _a


_current = None


def getcontext():
    """The current context (one per program: Ember runs one thread at a time)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    global _current
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current = context


class ContextManager:
    """What `localcontext()` returns: installs a copy of a context for a `with` block."""

    def __init__(self, ctx):
        self.new_context = ctx

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    ctx = ctx.copy()
    for name, value in kwargs.items():
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags',
                        'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        if name in ('flags', 'traps'):
            # Like Context(), localcontext() takes a list of signals as well as a dict.
            value = _signal_mask(value)
            name = '_flagbits' if name == 'flags' else '_trapbits'
        setattr(ctx, name, value)
    return ContextManager(ctx)


# ---------------------------------------------------------------------------------------
# Integer helpers

_POW10 = [10 ** i for i in range(64)]


def _p10(n):
    return _POW10[n] if n < 64 else 10 ** n


_SMALL = 10 ** 4000


def _nd(c):
    """The number of decimal digits of c >= 0 (1 for 0)."""
    if c < _SMALL:
        return len(str(c))
    b = c.bit_length()
    d = (b - 1) * 30103 // 100000 + 1
    if c >= _p10(d):
        d += 1
    return d


def _digits(c):
    """str(c) for c >= 0 of any size (str() refuses more than 4300 digits)."""
    if c < _SMALL:
        return str(c)
    half = _nd(c) // 2
    hi, lo = divmod(c, _p10(half))
    return _digits(hi) + _digits(lo).rjust(half, '0')


def _round_int(c, k, rounding, sign):
    """Drop the k > 0 trailing digits of c under `rounding`: (quotient, inexact)."""
    if k > _nd(c) + 1:
        c, k = 1, 2
    p = _p10(k)
    q, r = divmod(c, p)
    if not r:
        return q, False
    if rounding == ROUND_HALF_EVEN:
        h = p >> 1
        up = r > h or (r == h and q & 1)
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_HALF_UP:
        up = r >= p >> 1
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_DOWN:
        up = r > p >> 1
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_CEILING:
        up = sign == 0
    else:
        up = q % 5 == 0
    return (q + 1 if up else q), True


def _strip_zeros(c, exp, limit):
    """Remove trailing zeros of c while exp stays <= limit."""
    while exp < limit and c and c % 10 == 0:
        c //= 10
        exp += 1
    return c, exp


# ---------------------------------------------------------------------------------------
# Rounding into a context

def _overflow(sign, ctx, st):
    st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
    r = ctx._rounding
    if (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign)):
        return _special(sign, 'F')
    return _dec(sign, _p10(ctx._prec) - 1, ctx._Emax - ctx._prec + 1)


def _finish(sign, c, exp, ctx, st, rounding=None):
    """The Decimal sign*c*10**exp rounded into ctx; conditions are or-ed into st[0]."""
    prec = ctx._prec
    emax = ctx._Emax
    etiny = ctx._Emin - prec + 1
    if not c:
        top = emax - prec + 1 if ctx._clamp else emax
        if exp < etiny:
            exp = etiny
            st[0] |= _CLAMPED
        elif exp > top:
            exp = top
            st[0] |= _CLAMPED
        return _dec(sign, 0, exp)
    n = _nd(c)
    adj = exp + n - 1
    if adj > emax:
        return _overflow(sign, ctx, st)
    subnormal = adj < ctx._Emin
    low = adj - prec + 1
    if low < etiny:
        low = etiny
    if exp < low:
        q, inexact = _round_int(c, low - exp, rounding or ctx._rounding, sign)
        exp = low
        if q and _nd(q) > prec:
            q //= 10
            exp += 1
        if exp + _nd(q) - 1 > emax:
            return _overflow(sign, ctx, st)
        bits = _ROUNDED
        if inexact:
            bits |= _INEXACT
            if subnormal:
                bits |= _UNDERFLOW
        if subnormal:
            bits |= _SUBNORMAL
            if not q:
                bits |= _CLAMPED
        st[0] |= bits
        c = q
    elif subnormal:
        st[0] |= _SUBNORMAL
    if ctx._clamp:
        top = emax - prec + 1
        if exp > top:
            c *= _p10(exp - top)
            exp = top
            st[0] |= _CLAMPED
    return _dec(sign, c, exp)


def _fix_nan(d, ctx):
    """A NaN operand as a result: its payload keeps at most prec - clamp digits."""
    if d._exp == 'F' or not d._int:
        return d
    keep = ctx._prec - ctx._clamp
    if _nd(d._int) > keep:
        return _special(d._sign, d._exp, d._int % _p10(keep) if keep > 0 else 0)
    return d


# ---------------------------------------------------------------------------------------
# Construction

def _dec(sign, c, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = c
    d._exp = exp
    d._special = False
    return d


def _special(sign, kind, payload=0):
    """Infinity ('F'), quiet NaN ('n') or signalling NaN ('N')."""
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = payload
    d._exp = kind
    d._special = True
    return d


def _from_int(v):
    if v < 0:
        return _dec(1, -v, 0)
    return _dec(0, int(v), 0)


def _from_float(f):
    if f != f:
        return _special(1 if _math.copysign(1.0, f) < 0 else 0, 'n')
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f in (float('inf'), float('-inf')):
        return _special(sign, 'F')
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return _dec(sign, n * 5 ** k, -k)


_DIGITS = '0123456789'


def _parse(s):
    """A Decimal for the numeric string s, or None when s is not one."""
    # CPython drops every underscore once the surrounding whitespace is gone.
    s = s.strip().replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return _special(sign, 'F')
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if not payload:
                return _special(sign, kind)
            if not _all_digits(payload):
                return None
            return _special(sign, kind, int(payload))
    mant = s
    exp = 0
    for i, ch in enumerate(s):
        if ch in 'eE':
            mant = s[:i]
            tail = s[i + 1:]
            body = tail[1:] if tail[:1] in ('+', '-') else tail
            if not body or not _all_digits(body):
                return None
            exp = int(tail)
            break
    intpart, dot, frac = mant.partition('.')
    if not intpart and not frac:
        return None
    if (intpart and not _all_digits(intpart)) or (frac and not _all_digits(frac)):
        return None
    digits = intpart + frac
    return _dec(sign, int(digits), exp - len(frac))


def _all_digits(s):
    for ch in s:
        if ch not in _DIGITS and not ch.isdigit():
            return False
    return True


def _from_str(s, ctx):
    d = _parse(s)
    if d is None:
        ctx._signal(_CONVERSION_SYNTAX)
        return _special(0, 'n')
    return d


def _from_tuple(t):
    if len(t) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = t
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if isinstance(exp, str):
        if exp not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        special = True
    elif isinstance(exp, int):
        special = False
    else:
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    c = 0
    for dg in digits:
        if not (isinstance(dg, int) and 0 <= dg <= 9):
            raise ValueError('coefficient must be a tuple of digits')
        c = c * 10 + dg
    if special:
        return _special(sign, exp, 0 if exp == 'F' else c)
    return _dec(sign, c, exp)


def _convert(other):
    """An arithmetic operand as a Decimal, or None if Decimal does not mix with it."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _from_int(other)
    return None


# ---------------------------------------------------------------------------------------
# Decimal

class Decimal:
    """A decimal floating-point number: sign, integer coefficient and exponent."""
    __slots__ = ('_sign', '_int', '_exp', '_special')
    __tp_name__ = 'decimal.Decimal'

    def __new__(cls, value='0', context=None):
        if isinstance(value, Decimal):
            d = value
        elif isinstance(value, str):
            d = _from_str(value, context if context is not None else getcontext())
        elif isinstance(value, int):
            d = _from_int(value)
        elif isinstance(value, float):
            (context if context is not None else getcontext())._signal(_FLOAT_OPERATION)
            d = _from_float(value)
        elif isinstance(value, (tuple, list)):
            d = _from_tuple(value)
        else:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)
        if cls is Decimal and type(d) is Decimal:
            return d
        r = object.__new__(cls)
        r._sign = d._sign
        r._int = d._int
        r._exp = d._exp
        r._special = d._special
        return r

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError('argument must be int or float')
        return d if cls is Decimal else cls(d)

    # -- views --------------------------------------------------------------------------

    def as_tuple(self):
        if self._special:
            if self._exp == 'F':
                digits = (0,)
            else:
                digits = tuple(int(ch) for ch in _digits(self._int)) if self._int else ()
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(int(ch) for ch in _digits(self._int)), self._exp)

    def as_integer_ratio(self):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        if not self._int:
            return 0, 1
        n = self._int
        if self._exp >= 0:
            n *= _p10(self._exp)
            d = 1
        else:
            d = _p10(-self._exp)
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _nd(self._int) - 1

    def canonical(self):
        return self

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def radix(self):
        return Decimal(10)

    def is_canonical(self):
        return True

    def is_finite(self):
        return not self._special

    def is_infinite(self):
        return self._exp == 'F'

    def is_nan(self):
        return self._exp == 'n' or self._exp == 'N'

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._special and not self._int

    def is_normal(self, context=None):
        if self._special or not self._int:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() >= ctx._Emin

    def is_subnormal(self, context=None):
        if self._special or not self._int:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() < ctx._Emin

    def number_class(self, context=None):
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._exp == 'F':
            return s + 'Infinity'
        if not self._int:
            return s + 'Zero'
        if self.is_subnormal(context):
            return s + 'Subnormal'
        return s + 'Normal'

    def copy_abs(self):
        return self._with_sign(0)

    def copy_negate(self):
        return self._with_sign(1 - self._sign)

    def copy_sign(self, other, context=None):
        other = _operand(other)
        return self._with_sign(other._sign)

    def _with_sign(self, sign):
        if self._special:
            return _special(sign, self._exp, self._int)
        return _dec(sign, self._int, self._exp)

    def same_quantum(self, other, context=None):
        other = _operand(other)
        if self._special or other._special:
            return (self.is_nan() and other.is_nan()) or \
                (self._exp == 'F' and other._exp == 'F')
        return self._exp == other._exp

    # -- strings ------------------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        if context is None:
            context = getcontext()
        sign = '-' if self._sign else ''
        if self._special:
            if self._exp == 'F':
                return sign + 'Infinity'
            payload = _digits(self._int) if self._int else ''
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + payload
        digits = _digits(self._int)
        exp = self._exp
        left = exp + len(digits)
        if exp <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif not self._int:
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            intpart = '0'
            frac = '.' + '0' * -dot + digits
        elif dot >= len(digits):
            intpart = digits + '0' * (dot - len(digits))
            frac = ''
        else:
            intpart = digits[:dot]
            frac = '.' + digits[dot:]
        if left == dot:
            tail = ''
        else:
            tail = ('E' if context._capitals else 'e') + '%+d' % (left - dot)
        return sign + intpart + frac + tail

    def to_eng_string(self, context=None):
        return self.__str__(True, context)

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)

    # -- conversions --------------------------------------------------------------------

    def __int__(self):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._int * _p10(self._exp)
        else:
            n = self._int // _p10(-self._exp)
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special:
            if self._exp == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            if self._exp == 'n':
                return float('-nan') if self._sign else float('nan')
        return float(self.__str__())

    def __bool__(self):
        return self._special or self._int != 0

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        return int(self._integral(ROUND_FLOOR))

    def __ceil__(self):
        return int(self._integral(ROUND_CEILING))

    def __round__(self, n=None):
        if n is None:
            return int(self._integral(ROUND_HALF_EVEN))
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_dec(0, 1, -n))

    def _integral(self, rounding):
        if self._special:
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            return self
        q, _ = _round_int(self._int, -self._exp, rounding, self._sign)
        return _dec(self._sign, q, 0)

    def __hash__(self):
        if self._special:
            if self._exp == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._exp == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        m = 2305843009213693951
        if self._exp >= 0:
            scale = pow(10, self._exp, m)
        else:
            scale = pow(_TEN_INV, -self._exp, m)
        h = self._int * scale % m
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(self)

    def __deepcopy__(self, memo):
        return self.__copy__()

    # -- comparison ---------------------------------------------------------------------

    def _compare_operand(self, other, op):
        """other as a Decimal for a comparison, or None for NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            ctx = getcontext()
            if op in ('==', '!='):
                object.__setattr__(ctx, '_flagbits', ctx._flagbits | _FLOAT_OPERATION)
            else:
                ctx._signal(_FLOAT_OPERATION)
            return _from_float(other)
        return None

    def _rich(self, other, op):
        o = self._compare_operand(other, op)
        if o is None:
            return NotImplemented
        if self.is_nan() or o.is_nan():
            if op in ('==', '!='):
                if self._exp == 'N' or o._exp == 'N':
                    getcontext()._signal(_INVALID_OPERATION)
                return op == '!='
            getcontext()._signal(_INVALID_OPERATION)
            return False
        c = _cmp(self, o)
        if op == '==':
            return c == 0
        if op == '!=':
            return c != 0
        if op == '<':
            return c < 0
        if op == '<=':
            return c <= 0
        if op == '>':
            return c > 0
        return c >= 0

    def __eq__(self, other):
        return self._rich(other, '==')

    def __ne__(self, other):
        return self._rich(other, '!=')

    def __lt__(self, other):
        return self._rich(other, '<')

    def __le__(self, other):
        return self._rich(other, '<=')

    def __gt__(self, other):
        return self._rich(other, '>')

    def __ge__(self, other):
        return self._rich(other, '>=')

    def compare(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        if self.is_nan() or other.is_nan():
            return _nan_result(self, other, ctx)
        return _from_int(_cmp(self, other))

    def compare_signal(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        if self.is_nan() or other.is_nan():
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        return _from_int(_cmp(self, other))

    def max(self, other, context=None):
        return self._minmax(other, context, 1)

    def min(self, other, context=None):
        return self._minmax(other, context, -1)

    def _minmax(self, other, context, want):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        if self.is_nan() or other.is_nan():
            if self._exp == 'N' or other._exp == 'N' or (self.is_nan() and other.is_nan()):
                return _nan_result(self, other, ctx)
            pick = other if self.is_nan() else self
        else:
            c = _cmp(self, other)
            if c == 0:
                # Equal values: prefer the positive sign, then the larger exponent.
                if self._sign != other._sign:
                    c = other._sign - self._sign
                elif self._special:
                    c = 0
                else:
                    c = (self._exp > other._exp) - (self._exp < other._exp)
                    if self._sign:
                        c = -c
            pick = self if c * want >= 0 else other
        return pick._plus(ctx, True)

    # -- arithmetic ---------------------------------------------------------------------

    def __add__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._add(o, context if context is not None else getcontext())

    def __radd__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._add(self, context if context is not None else getcontext())

    def __sub__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._add(o, context if context is not None else getcontext(), True)

    def __rsub__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._add(self, context if context is not None else getcontext(), True)

    def __mul__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._mul(o, context if context is not None else getcontext())

    def __rmul__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._mul(self, context if context is not None else getcontext())

    def __truediv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._div(o, context if context is not None else getcontext())

    def __rtruediv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._div(self, context if context is not None else getcontext())

    def __floordiv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._divmod(o, context if context is not None else getcontext(), 1)

    def __rfloordiv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._divmod(self, context if context is not None else getcontext(), 1)

    def __mod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._divmod(o, context if context is not None else getcontext(), 2)

    def __rmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._divmod(self, context if context is not None else getcontext(), 2)

    def __divmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return self._divmod(o, context if context is not None else getcontext(), 3)

    def __rdivmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._divmod(self, context if context is not None else getcontext(), 3)

    def __pow__(self, other, modulo=None, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        ctx = context if context is not None else getcontext()
        if modulo is not None:
            m = _convert(modulo)
            if m is None:
                return NotImplemented
            return self._powmod(o, m, ctx)
        return self._pow(o, ctx)

    def _powmod(self, exp, mod, ctx):
        """(self ** exp) % mod for integral operands, exactly (three-argument pow)."""
        if self._special or exp._special or mod._special:
            for d in (self, exp, mod):
                if d._exp == 'N':
                    return _nan_result(d, None, ctx)
            for d in (self, exp, mod):
                if d._exp == 'n':
                    return _fix_nan(d, ctx)
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        for d in (self, exp, mod):
            if d._exp < 0 and d._int % _p10(-d._exp):
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
        if not mod._int or (mod._int and mod.adjusted() + 1 > ctx._prec):
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        sign = 1 if (self._sign and _is_odd(exp)) else 0
        if not exp._int:
            if not self._int:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            return _dec(sign, 0 if abs(int(mod)) == 1 else 1, 0)
        if exp._sign:
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        return _dec(sign, pow(abs(int(self)), int(exp), abs(int(mod))), 0)

    def __rpow__(self, other, modulo=None, context=None):
        o = _convert(other)
        if o is None:
            return NotImplemented
        return o._pow(self, context if context is not None else getcontext())

    def __neg__(self, context=None):
        return self._minus(context if context is not None else getcontext())

    def __pos__(self, context=None):
        return self._plus(context if context is not None else getcontext())

    def __abs__(self, round=True, context=None):
        return self._abs(context if context is not None else getcontext())

    def _plus(self, ctx, keep_sign=False):
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return self
        st = [0]
        sign = self._sign
        if not self._int and not keep_sign:
            sign = 1 if (sign and ctx._rounding == ROUND_FLOOR) else 0
        r = _finish(sign, self._int, self._exp, ctx, st)
        ctx._signal(st[0])
        return r

    def _minus(self, ctx):
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return _special(1 - self._sign, 'F')
        return self.copy_negate()._plus(ctx)

    def _abs(self, ctx):
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return _special(0, 'F')
        return _dec(0, self._int, self._exp)._plus(ctx)

    def _add(self, other, ctx, negate=False):
        osign = other._sign ^ 1 if negate else other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
            if self._exp == 'F':
                if other._exp == 'F' and self._sign != osign:
                    ctx._signal(_INVALID_OPERATION)
                    return _special(0, 'n')
                return self
            return _special(osign, 'F')
        st = [0]
        a_c, a_e, a_s = self._int, self._exp, self._sign
        b_c, b_e, b_s = other._int, other._exp, osign
        prec = ctx._prec
        if not a_c or not b_c:
            # A zero only lowers the exponent; past prec + 1 digits below the other operand
            # it cannot change the rounded result.
            if not a_c and b_c:
                a_e = max(a_e, b_e - prec - 1)
            elif not b_c and a_c:
                b_e = max(b_e, a_e - prec - 1)
        elif a_e - b_e > prec + 24 or b_e - a_e > prec + 24:
            # Far apart exponents: an operand entirely below the rounding digit acts as a
            # sticky 1, which keeps the aligned integers small.
            if a_e < b_e:
                a_c, a_e, a_s, b_c, b_e, b_s = b_c, b_e, b_s, a_c, a_e, a_s
            limit = a_e + min(-1, _nd(a_c) - prec - 2)
            if b_e + _nd(b_c) - 1 < limit:
                b_c, b_e = 1, limit
        e = min(a_e, b_e)
        x = a_c * _p10(a_e - e)
        y = b_c * _p10(b_e - e)
        total = (-x if a_s else x) + (-y if b_s else y)
        if total:
            sign = 1 if total < 0 else 0
            total = abs(total)
        elif a_s and b_s:
            sign = 1
        elif a_s != b_s:
            sign = 1 if ctx._rounding == ROUND_FLOOR else 0
        else:
            sign = 0
        r = _finish(sign, total, e, ctx, st)
        ctx._signal(st[0])
        return r

    def _mul(self, other, ctx):
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
            if (self._exp == 'F' and not other._special and not other._int) or \
                    (other._exp == 'F' and not self._special and not self._int):
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            return _special(sign, 'F')
        st = [0]
        r = _finish(sign, self._int * other._int, self._exp + other._exp, ctx, st)
        ctx._signal(st[0])
        return r

    def _div(self, other, ctx):
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
            if self._exp == 'F':
                if other._exp == 'F':
                    ctx._signal(_INVALID_OPERATION)
                    return _special(0, 'n')
                return _special(sign, 'F')
            st = [_CLAMPED]
            r = _dec(sign, 0, ctx._Emin - ctx._prec + 1)
            ctx._signal(st[0])
            return r
        if not other._int:
            if not self._int:
                ctx._signal(_DIVISION_UNDEFINED)
                return _special(0, 'n')
            ctx._signal(_DIVISION_BY_ZERO)
            return _special(sign, 'F')
        st = [0]
        ideal = self._exp - other._exp
        if not self._int:
            r = _finish(sign, 0, ideal, ctx, st)
            ctx._signal(st[0])
            return r
        prec = ctx._prec
        shift = _nd(other._int) - _nd(self._int) + prec + 1
        if shift >= 0:
            q, rem = divmod(self._int * _p10(shift), other._int)
        else:
            q, rem = divmod(self._int, other._int * _p10(-shift))
        exp = ideal - shift
        if rem:
            # q has at least prec + 1 digits; a sticky digit makes the rounding exact.
            q = q * 10 + 1
            exp -= 1
        else:
            q, exp = _strip_zeros(q, exp, ideal)
        r = _finish(sign, q, exp, ctx, st)
        ctx._signal(st[0])
        return r

    def _divmod(self, other, ctx, want):
        """Truncating integer division: want 1 = quotient, 2 = remainder, 3 = both."""
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                r = _nan_result(self, other, ctx)
                return (r, r) if want == 3 else r
            if self._exp == 'F':
                ctx._signal(_INVALID_OPERATION)
                nan = _special(0, 'n')
                if want == 3:
                    return (nan, nan)
                return nan
            q = _dec(sign, 0, 0)
            if want == 1:
                return q
            st = [0]
            rem = _finish(self._sign, self._int, self._exp, ctx, st)
            ctx._signal(st[0])
            return rem if want == 2 else (q, rem)
        if not other._int:
            nan = _special(0, 'n')
            if not self._int:
                ctx._signal(_DIVISION_UNDEFINED)
                return (nan, nan) if want == 3 else nan
            if want == 1:
                ctx._signal(_DIVISION_BY_ZERO)
                return _special(sign, 'F')
            if want == 2:
                ctx._signal(_INVALID_OPERATION)
                return nan
            ctx._signal(_DIVISION_BY_ZERO | _INVALID_OPERATION)
            return (_special(sign, 'F'), nan)
        prec = ctx._prec
        e = min(self._exp, other._exp)
        if self._int and self.adjusted() - other.adjusted() > prec:
            ctx._signal(_DIVISION_IMPOSSIBLE)
            nan = _special(0, 'n')
            return (nan, nan) if want == 3 else nan
        x = self._int * _p10(self._exp - e)
        y = other._int * _p10(other._exp - e)
        q, rem = divmod(x, y)
        if _nd(q) > prec:
            ctx._signal(_DIVISION_IMPOSSIBLE)
            nan = _special(0, 'n')
            return (nan, nan) if want == 3 else nan
        quot = _dec(sign, q, 0)
        if want == 1:
            return quot
        st = [0]
        rdec = _finish(self._sign, rem, e, ctx, st)
        ctx._signal(st[0])
        return rdec if want == 2 else (quot, rdec)

    def remainder_near(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
            if self._exp == 'F':
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            return self._plus(ctx, True)
        if not other._int:
            ctx._signal(_DIVISION_UNDEFINED if not self._int else _INVALID_OPERATION)
            return _special(0, 'n')
        e = min(self._exp, other._exp)
        x = self._int * _p10(self._exp - e)
        y = other._int * _p10(other._exp - e)
        q, rem = divmod(x, y)
        if 2 * rem > y or (2 * rem == y and q & 1):
            rem -= y
            q += 1
        if _nd(q) > ctx._prec:
            ctx._signal(_DIVISION_IMPOSSIBLE)
            return _special(0, 'n')
        sign = self._sign
        if rem < 0:
            sign ^= 1
            rem = -rem
        st = [0]
        r = _finish(sign, rem, e, ctx, st)
        ctx._signal(st[0])
        return r

    def _pow(self, other, ctx):
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
        integral = not other._special and (
            other._exp >= 0 or other._int % _p10(-other._exp) == 0)
        sign = 1 if (self._sign and integral and _is_odd(other)) else 0
        if not self._special and not self._int:
            if not other._special and not other._int:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            if other._sign:
                return _special(sign, 'F')
            return _dec(sign, 0, 0)
        if self._sign and (not integral or other._exp == 'F'):
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        if other._exp == 'F':
            c = _cmp_abs_one(self)
            if c == 0:
                st = [_INEXACT | _ROUNDED]
                r = _dec(sign, _p10(ctx._prec - 1), 1 - ctx._prec)
                ctx._signal(st[0])
                return r
            if c * (-1 if other._sign else 1) < 0:
                return _dec(sign, 0, 0)
            return _special(sign, 'F')
        if self._exp == 'F':
            if not other._int:
                return _dec(sign, 1, 0)
            if other._sign:
                return _dec(sign, 0, 0)
            return _special(sign, 'F')
        if not other._int:
            return _dec(sign, 1, 0)
        st = [0]
        if not self._sign and self._int == _p10(-self._exp if self._exp < 0 else 0) \
                and self._exp <= 0:
            # The base is exactly one: 1.00 ** 3 == 1.000000 (at most prec digits).
            if integral:
                if other._sign:
                    return _dec(sign, 1, 0)
                shift = int(other) * -self._exp
                if shift > ctx._prec - 1:
                    shift = ctx._prec - 1
                    st[0] |= _ROUNDED
            else:
                shift = ctx._prec - 1
                st[0] |= _INEXACT | _ROUNDED
            r = _dec(sign, _p10(shift), -shift)
            ctx._signal(st[0])
            return r
        r = _pow_bounds(self, other, sign, ctx, st)
        if r is None:
            if integral:
                r = _int_power(self, other, sign, ctx, st)
            else:
                r = _real_power(self, other, ctx, st)
        ctx._signal(st[0])
        return r

    def fma(self, other, third, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        third = _operand(third)
        if self._special or other._special:
            work = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
            prod = self._mul(other, work)
            if work._flagbits & _ALL_INVALID:
                ctx._signal(work._flagbits & _ALL_INVALID)
                return prod
        else:
            prod = _dec(self._sign ^ other._sign, self._int * other._int,
                        self._exp + other._exp)
        return prod._add(third, ctx)

    # -- rounding and scaling -----------------------------------------------------------

    def quantize(self, exp, rounding=None, context=None):
        ctx = context if context is not None else getcontext()
        if not isinstance(exp, Decimal):
            if isinstance(exp, int):
                exp = _from_int(exp)
            else:
                raise TypeError('conversion from %s to Decimal is not supported'
                                % type(exp).__name__)
        if rounding is not None and rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_ERROR)
        rounding = rounding or ctx._rounding
        if self._special or exp._special:
            if self.is_nan() or exp.is_nan():
                return _nan_result(self, exp, ctx)
            if self._exp == 'F' and exp._exp == 'F':
                return self
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        e = exp._exp
        if e > ctx._Emax or e < ctx._Emin - ctx._prec + 1:
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        st = [0]
        if not self._int:
            r = _finish(self._sign, 0, e, ctx, st)
            ctx._signal(st[0])
            return r
        if self._exp >= e:
            if _nd(self._int) + self._exp - e > ctx._prec:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            c = self._int * _p10(self._exp - e)
            inexact = None
        else:
            c, inexact = _round_int(self._int, e - self._exp, rounding, self._sign)
            if c and _nd(c) > ctx._prec:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
        if c and e + _nd(c) - 1 > ctx._Emax:
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        if c and e + _nd(c) - 1 < ctx._Emin:
            st[0] |= _SUBNORMAL
        if inexact is not None:
            st[0] |= _ROUNDED | (_INEXACT if inexact else 0)
        ctx._signal(st[0])
        return _dec(self._sign, c, e)

    def _to_integral(self, rounding, context, exact):
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return self
        if self._exp >= 0:
            return self
        if rounding is not None and rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_ERROR)
        q, inexact = _round_int(self._int, -self._exp, rounding or ctx._rounding, self._sign)
        if exact and self._int:
            ctx._signal(_ROUNDED | (_INEXACT if inexact else 0))
        return _dec(self._sign, q, 0)

    def to_integral_value(self, rounding=None, context=None):
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self._to_integral(rounding, context, True)

    def normalize(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return self
        st = [0]
        r = _finish(self._sign, self._int, self._exp, ctx, st)
        ctx._signal(st[0])
        if r._special:
            return r
        if not r._int:
            return _dec(r._sign, 0, 0)
        top = ctx._Emax - ctx._prec + 1 if ctx._clamp else ctx._Emax
        c, e = _strip_zeros(r._int, r._exp, top)
        return _dec(r._sign, c, e)

    def scaleb(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other)
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, ctx)
        if other._special or other._exp != 0 or \
                abs(int(other)) > 2 * (ctx._Emax + ctx._prec):
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        if self._special:
            return self
        st = [0]
        r = _finish(self._sign, self._int, self._exp + int(other), ctx, st)
        ctx._signal(st[0])
        return r

    def next_plus(self, context=None):
        return self._next(context, 0)

    def next_minus(self, context=None):
        return self._next(context, 1)

    def _next(self, context, toward_sign):
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            if self._sign != toward_sign:
                return _dec(self._sign, _p10(ctx._prec) - 1, ctx._Emax - ctx._prec + 1)
            return self
        work = ctx.copy()
        work.clear_flags()
        work.clear_traps()
        work.rounding = ROUND_FLOOR if toward_sign else ROUND_CEILING
        tiny = _dec(toward_sign, 1, ctx._Emin - ctx._prec - 1)
        r = self._add(tiny, work)
        return r

    # -- functions ----------------------------------------------------------------------

    def sqrt(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            if self._sign:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            return self
        ideal = self._exp // 2
        if not self._int:
            st = [0]
            r = _finish(self._sign, 0, ideal, ctx, st)
            ctx._signal(st[0])
            return r
        if self._sign:
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        prec = ctx._prec
        c, e = self._int, self._exp
        if e & 1:
            c *= 10
            e -= 1
        # Scale by an even power of ten so the root has at least prec + 1 digits.
        k = prec + 1 - (_nd(c) + 1) // 2
        exact = True
        if k >= 0:
            c *= _p10(2 * k)
        else:
            c, rest = divmod(c, _p10(-2 * k))
            exact = not rest
        root = _math.isqrt(c)
        exp = e // 2 - k
        if root * root != c or not exact:
            # Inexact: a sticky digit keeps the half-even rounding below exact.
            root = root * 10 + 1
            exp -= 1
        else:
            root, exp = _strip_zeros(root, exp, ideal)
        st = [0]
        r = _finish(0, root, exp, ctx, st, ROUND_HALF_EVEN)
        ctx._signal(st[0])
        return r


    def exp(self, context=None):
        """e ** self, correctly rounded (always half-even, as CPython's C version)."""
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            return _dec(0, 0, 0) if self._sign else self
        if not self._int:
            return _dec(0, 1, 0)
        st = [0]
        r = _exp_rounded(self, ctx, st)
        ctx._signal(st[0])
        return r

    def ln(self, context=None):
        """The natural logarithm, correctly rounded (half-even)."""
        return self._log(context, False)

    def log10(self, context=None):
        """The base-ten logarithm, correctly rounded (half-even); exact for powers of ten."""
        return self._log(context, True)

    def _log(self, context, ten):
        ctx = context if context is not None else getcontext()
        if self._special:
            if self.is_nan():
                return _nan_result(self, None, ctx)
            if self._sign:
                ctx._signal(_INVALID_OPERATION)
                return _special(0, 'n')
            return self
        if not self._int:
            return _special(1, 'F')
        if self._sign:
            ctx._signal(_INVALID_OPERATION)
            return _special(0, 'n')
        c, e = _strip_zeros(self._int, self._exp, MAX_EMAX)
        if c == 1 and (ten or e == 0):
            st = [0]
            work = ctx.copy()
            object.__setattr__(work, '_rounding', ROUND_HALF_EVEN)
            r = _finish(1 if e < 0 else 0, abs(e), 0, work, st)
            ctx._signal(st[0])
            return r
        st = [0]
        r = _log_rounded(self, ten, ctx, st)
        ctx._signal(st[0])
        return r

def _operand(v):
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return _from_int(v)
    raise TypeError('conversion from %s to Decimal is not supported' % type(v).__name__)


def _is_odd(d):
    """Whether the integral Decimal d is odd."""
    if d._exp > 0:
        return False
    return (d._int // _p10(-d._exp)) & 1 == 1


def _cmp_abs_one(d):
    """-1, 0 or 1 as |d| is below, equal to or above one (d finite, nonzero)."""
    return _cmp(_dec(0, d._int, d._exp), _dec(0, 1, 0))


def _int_power(base, exponent, sign, ctx, st):
    """base ** exponent for an integral exponent, the way libmpdec computes it.

    Left-to-right binary powering at prec + (integer digits of the exponent) + 2 digits
    with half-even rounding at every product, then one rounding into ctx. Matching this
    procedure (not just the exact value) is what makes inexact results equal CPython's.
    """
    n = abs(int(exponent))
    work = Context(prec=ctx._prec + exponent.adjusted() + 3, rounding=ROUND_HALF_EVEN,
                   Emin=ctx._Emin, Emax=ctx._Emax, clamp=0, traps=[])
    b = _dec(0, base._int, base._exp)
    if exponent._sign:
        work._prec += 1
        b = _dec(0, 1, 0)._div(b, work)
        if work._flagbits & _ERRORS:
            st[0] |= work._flagbits
            return _special(0, 'n')
    r = b
    bit = 1 << (n.bit_length() - 1)
    bit >>= 1
    while bit:
        r = r._mul(r, work)
        if n & bit:
            r = r._mul(b, work)
        if r._special or (not r._int and work._flagbits & _CLAMPED):
            break
        bit >>= 1
    st[0] |= work._flagbits
    if r._special:
        # Overflowed at the working precision: overflow again under ctx's rounding.
        return _overflow(sign, ctx, st)
    return _finish(sign, r._int, r._exp, ctx, st)


# ---------------------------------------------------------------------------------------
# Correctly rounded exp and logarithms
#
# Values are fixed point integers scaled by 10**w. Each approximation comes with a bound
# on its error (in units of 10**-w); when the whole interval rounds to one p-digit result,
# that result is the correctly rounded one (Ziv's strategy), else w grows and we retry.

_ERR = 10 ** 6  # a generous bound on the fixed-point error, in ulps
_consts = (0, 0, 0)  # (digits, ln 2, ln 10) at that many digits


def _atanh_inv(n, w):
    """atanh(1/n) * 10**w for an integer n > 1, with an error of a few ulps."""
    scale = _p10(w)
    term = scale // n
    n2 = n * n
    total = term
    k = 1
    while term:
        term //= n2
        total += term // (2 * k + 1)
        k += 1
    return total


def _ln_consts(w):
    """(ln 2, ln 10) * 10**w, each within two ulps (cut from the most precise copy)."""
    global _consts
    have = _consts[0]
    if have < w:
        have = w + 30
        g = have + 10
        a3 = _atanh_inv(3, g)
        a9 = _atanh_inv(9, g)
        _consts = (have, (2 * a3) // _p10(10), (6 * a3 + 2 * a9) // _p10(10))
    cut = _p10(have - w)
    return _consts[1] // cut, _consts[2] // cut


def _ln_fixed(c, e, w):
    """ln(c * 10**e) * 10**w for c > 0, within _ERR ulps."""
    guard = 25
    g = w + guard
    scale = _p10(g)
    d = _nd(c)
    adj = e + d - 1
    # m = c / 10**(d-1) in [1, 10), as a fixed-point number.
    shift = g - (d - 1)
    m = c * _p10(shift) if shift >= 0 else c // _p10(-shift)
    ln2, ln10 = _ln_consts(g)
    j = 0
    while m > (scale * 14142) // 10000 << j:
        j += 1
    p = scale << j
    # ln(m / 2**j) = 2 atanh(t), t = (m - p) / (m + p), |t| < 0.18.
    neg = m < p
    t = abs(m - p) * scale // (m + p)
    t2 = t * t // scale
    total = t
    term = t
    k = 1
    while term:
        term = term * t2 // scale
        total += term // (2 * k + 1)
        k += 1
    if neg:
        total = -total
    total = 2 * total + j * ln2 + adj * ln10
    return total // _p10(guard) if total >= 0 else -((-total) // _p10(guard))


def _round_interval(lo, hi, keep):
    """The half-even rounding to `keep` digits shared by every value in (lo, hi), as
    (coefficient, digits dropped), or None when the interval straddles two results."""
    if lo <= 0 or _nd(lo) != _nd(hi):
        return None
    drop = _nd(hi) - keep
    if drop <= 0:
        return None
    p = _p10(drop)
    a = (2 * lo + p) // (2 * p)
    b = (2 * hi + p) // (2 * p)
    if a != b:
        return None
    return a, drop


def _finish_inexact(sign, q, exp, ctx, st):
    """Put a correctly rounded, inexact result into ctx (range checks, half-even)."""
    work = ctx.copy()
    object.__setattr__(work, '_rounding', ROUND_HALF_EVEN)
    r = _finish(sign, q, exp, work, st)
    st[0] |= _INEXACT | _ROUNDED
    if st[0] & _SUBNORMAL:
        st[0] |= _UNDERFLOW
    return r


def _log_rounded(x, ten, ctx, st):
    p = ctx._prec
    w = p + 12
    while True:
        v = _ln_fixed(x._int, x._exp, w + 3)
        if ten:
            ln10 = _ln_consts(w + 28)[1]
            v = v * _p10(w + 25) // ln10
        else:
            v //= 1000
        sign = 1 if v < 0 else 0
        mag = abs(v)
        if _nd(mag) < p + 10:
            w += p + 12 - _nd(mag)
            continue
        got = _round_interval(mag - _ERR, mag + _ERR, p)
        if got is not None:
            q, drop = got
            exp = drop - w
            if _nd(q) > p:
                q //= 10
                exp += 1
            return _finish_inexact(sign, q, exp, ctx, st)
        w += p


def _exp_rounded(x, ctx, st):
    p = ctx._prec
    adj = x.adjusted()
    etiny = ctx._Emin - p + 1
    if adj >= 19:
        # |x| > 10**19: far outside any exponent range Decimal allows.
        if x._sign:
            st[0] |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED | _CLAMPED
            return _dec(0, 0, etiny)
        return _overflow_half_even(ctx, st)
    if adj < -p - 1:
        # |x| is below half an ulp of 1 on either side: exp(x) rounds to 1.
        st[0] |= _INEXACT | _ROUNDED
        return _dec(0, _p10(p - 1), 1 - p)
    w = p + 15
    while True:
        g = w + 25
        e_int = x._exp + g
        X = x._int * _p10(e_int) if e_int >= 0 else x._int // _p10(-e_int)
        if x._sign:
            X = -X
        ln10 = _ln_consts(g)[1]
        n = X // ln10
        if n > ctx._Emax:
            return _overflow_half_even(ctx, st)
        if n < etiny - 1:
            st[0] |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED | _CLAMPED
            return _dec(0, 0, etiny)
        r = (X - n * ln10) // _p10(25)
        E = _exp_small(r, w)
        keep = p
        if n < ctx._Emin:
            keep = max(0, n - etiny + 1)
        got = _round_interval(E - _ERR, E + _ERR, keep) if keep else None
        if keep == 0:
            # Just below the smallest subnormal: the result is 0 or 10**etiny.
            lo, hi = E - _ERR, E + _ERR
            if _nd(lo) == _nd(hi):
                drop = _nd(hi)
                pp = _p10(drop)
                a = (2 * lo + pp) // (2 * pp)
                b = (2 * hi + pp) // (2 * pp)
                if a == b:
                    got = (a, drop)
        if got is not None:
            q, drop = got
            exp = n - w + drop
            if keep and _nd(q) > keep:
                q //= 10
                exp += 1
            if q and exp + _nd(q) - 1 > ctx._Emax:
                return _overflow_half_even(ctx, st)
            return _finish_inexact(0, q, exp, ctx, st)
        w += p


def _overflow_half_even(ctx, st):
    st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
    return _special(0, 'F')


def _exp_small(r, w):
    """exp(r / 10**w) * 10**w for 0 <= r / 10**w < 2.31 (slightly outside is fine)."""
    g = w + 12
    scale = _p10(g)
    R = r * _p10(12)
    k = 10
    R >>= k  # R / 2**k, exact enough: the halving loses under one ulp
    total = scale
    term = scale
    i = 1
    while term:
        term = term * R // (scale * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // scale
    return total // _p10(12)

def _exp_digits(n):
    """The number of decimal digits of |n| (1 for 0)."""
    return len(str(abs(n)))


def _pow_bounds(base, exponent, sign, ctx, st):
    """The result of base ** exponent when bounds on log10|log10(base)| and log10|exponent|
    alone prove that it overflows or underflows (libmpdec decides these cases up front,
    which fixes their results under directed rounding), else None."""
    t = base.adjusted()
    if t > 0:
        lb_zeta = _exp_digits(t) - 1
    elif t < -1:
        lb_zeta = _exp_digits(t + 1) - 1
    else:
        diff = _dec(0, base._int, base._exp)._add(_dec(0, 1, 0), _MAX_CONTEXT, True)
        u = diff.adjusted() if diff._int else 0
        lb_zeta = u - 2 if t == 0 else u - 1
    lb_theta = exponent.adjusted()
    if (t < 0) ^ exponent._sign == 0:
        if _exp_digits(ctx._Emax) < lb_zeta + lb_theta:
            return _overflow(sign, ctx, st)
    elif _exp_digits(ctx._Emin - ctx._prec + 1) < lb_zeta + lb_theta:
        return _finish(sign, 1, ctx._Emin - ctx._prec, ctx, st)
    return None


def _real_power(base, exponent, ctx, st):
    """base ** exponent for base > 0 and a non-integral exponent, as libmpdec does it:
    exp(exponent * ln(base)) with correctly rounded exp and ln at prec + 23 digits (or more
    for a long base), then one rounding into ctx."""
    work = Context(prec=max(_nd(base._int), ctx._prec) + 23, rounding=ROUND_HALF_EVEN,
                   Emin=MIN_EMIN, Emax=MAX_EMAX, clamp=0, traps=[])
    r = base.ln(work)._mul(exponent, work)
    errors = work._flagbits & _ERRORS
    work.clear_flags()
    r = r.exp(work)
    st[0] |= work._flagbits | errors | _INEXACT | _ROUNDED
    if r._special:
        return _overflow(0, ctx, st)
    if _cmp(r, _dec(0, 1, 0)) == 0:
        r = _dec(0, _p10(ctx._prec - 1), 1 - ctx._prec)
    return _finish(0, r._int, r._exp, ctx, st)


def _nan_result(a, b, ctx):
    """The NaN an operation on NaN operands returns (signalling for an sNaN)."""
    if a._exp == 'N' or (b is not None and b._exp == 'N'):
        src = a if a._exp == 'N' else b
        ctx._signal(_INVALID_OPERATION)
        return _fix_nan(_special(src._sign, 'n', src._int), ctx)
    src = a if a.is_nan() else b
    return _fix_nan(src, ctx)


def _cmp(a, b):
    """-1, 0 or 1 comparing two non-NaN Decimals by value."""
    if a._special or b._special:
        av = (-1 if a._sign else 1) * 2 if a._exp == 'F' else 0
        bv = (-1 if b._sign else 1) * 2 if b._exp == 'F' else 0
        if a._exp == 'F' and b._exp == 'F':
            return (av > bv) - (av < bv)
        if a._exp == 'F':
            return 1 if av > 0 else -1
        return -1 if bv > 0 else 1
    if not a._int:
        if not b._int:
            return 0
        return 1 if b._sign else -1
    if not b._int:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    aa = a._exp + _nd(a._int)
    ba = b._exp + _nd(b._int)
    if aa != ba:
        r = 1 if aa > ba else -1
    else:
        e = min(a._exp, b._exp)
        x = a._int * _p10(a._exp - e)
        y = b._int * _p10(b._exp - e)
        r = (x > y) - (x < y)
    return -r if a._sign else r


_TEN_INV = pow(10, 2305843009213693951 - 2, 2305843009213693951)


# ---------------------------------------------------------------------------------------
# Formatting

def _parse_spec(spec):
    """[[fill]align][sign][z][0][width][,][.precision][type], as libmpdec accepts it."""
    bad = ValueError('invalid format string')
    i = 0
    n = len(spec)
    fill = ' '
    align = None
    if n >= 2 and spec[1] in '<>=^':
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if i < n and spec[i] == 'z':
        no_neg_zero = True
        i += 1
    zero = False
    if i < n and spec[i] == '0':
        if align is not None:
            raise bad
        zero = True
        i += 1
    start = i
    while i < n and spec[i] in _DIGITS:
        i += 1
    if i > start and spec[start] == '0':
        raise bad
    width = int(spec[start:i]) if i > start else 0
    sep = ''
    if i < n and spec[i] == ',':
        sep = ','
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i] in _DIGITS:
            i += 1
        if i == start:
            raise bad
        precision = int(spec[start:i])
    kind = None
    if i < n and spec[i] in 'eEfFgGnN%':
        kind = spec[i]
        i += 1
    if i != n:
        raise bad
    if align is None:
        align = '>'
    return fill, align, sign, no_neg_zero, zero, width, sep, precision, kind


def _group_digits(digits, sep, min_width):
    """digits with a separator every three, zero-padded to min_width when asked."""
    if not sep:
        return digits.rjust(min_width, '0') if min_width > len(digits) else digits
    groups = []
    while True:
        size = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (size - len(digits[-size:] if digits else '')) +
                      (digits[-size:] if digits else ''))
        digits = digits[:-size] if len(digits) > size else ''
        min_width -= size
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format(d, spec):
    fill, align, signopt, no_neg_zero, zero, width, sep, precision, kind = _parse_spec(spec)
    ctx = getcontext()
    if kind is None:
        kind = 'G' if ctx._capitals else 'g'
    elif kind in 'nN':
        kind = 'g' if kind == 'n' else 'G'
    if zero:
        # A leading 0 pads numbers with zeros after the sign, but not NaN or Infinity.
        if d._special:
            align = '>'
        else:
            fill = '0'
            align = '='
    rounding = ctx._rounding
    sign = d._sign
    if d._special:
        body = str(d.copy_abs())
        if kind == '%':
            body += '%'
        frac_etc = ''
        intpart = body
    else:
        if kind == '%':
            d = _dec(d._sign, d._int, d._exp + 2)
        if precision is not None:
            if kind in 'eE':
                if d._int:
                    d = _round_to_digits(d, precision + 1, rounding)
                    n = _nd(d._int)
                    if n < precision + 1:
                        d = _dec(d._sign, d._int * _p10(precision + 1 - n),
                                 d._exp - (precision + 1 - n))
            elif kind in 'fF%':
                d = _rescale(d, -precision, rounding)
            elif kind in 'gG' and _nd(d._int) > precision:
                d = _round_to_digits(d, max(precision, 1), rounding)
        if not d._int and d._exp > 0 and kind in 'fF%':
            d = _dec(d._sign, 0, 0)
        if no_neg_zero and not d._int:
            sign = 0
        digits = _digits(d._int)
        left = d._exp + len(digits)
        if kind in 'eE':
            if not d._int and precision is not None:
                dot = 1 - precision
            else:
                dot = 1
        elif kind in 'fF%':
            dot = left
        else:
            if d._exp <= 0 and left > -6:
                dot = left
            else:
                dot = 1
        if dot < 0:
            intpart = '0'
            frac = '0' * -dot + digits
        elif dot > len(digits):
            intpart = digits + '0' * (dot - len(digits))
            frac = ''
        else:
            intpart = digits[:dot] or '0'
            frac = digits[dot:]
        expo = left - dot
        if kind in 'fF%' or (expo == 0 and kind in 'gG'):
            tail = ''
        else:
            tail = ('E' if kind in 'EG' else 'e') + '%+d' % expo
        frac_etc = ('.' + frac if frac else '') + tail
        if kind == '%':
            frac_etc += '%'
    if sign:
        signstr = '-'
    elif signopt == '+':
        signstr = '+'
    elif signopt == ' ':
        signstr = ' '
    else:
        signstr = ''
    if fill == '0' and align == '=' and not d._special:
        min_width = width - len(signstr) - len(frac_etc)
        intpart = _group_digits(intpart, sep, min_width)
    elif not d._special:
        intpart = _group_digits(intpart, sep, 1)
    body = intpart + frac_etc
    total = len(signstr) + len(body)
    pad = width - total
    if pad <= 0:
        return signstr + body
    if align == '<':
        return signstr + body + fill * pad
    if align == '>':
        return fill * pad + signstr + body
    if align == '=':
        return signstr + fill * pad + body
    half = pad // 2
    return fill * half + signstr + body + fill * (pad - half)


def _round_to_digits(d, digits, rounding):
    """d rounded to at most `digits` significant digits (no context limits)."""
    n = _nd(d._int)
    if n <= digits:
        return d
    q, _ = _round_int(d._int, n - digits, rounding, d._sign)
    e = d._exp + n - digits
    if _nd(q) > digits:
        q //= 10
        e += 1
    return _dec(d._sign, q, e)


def _rescale(d, exp, rounding):
    """d with exponent exp, rounding away digits if needed (no context limits)."""
    if d._exp >= exp:
        return _dec(d._sign, d._int * _p10(d._exp - exp), exp)
    q, _ = _round_int(d._int, exp - d._exp, rounding, d._sign)
    return _dec(d._sign, q, exp)


# ---------------------------------------------------------------------------------------
# The standard contexts

DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[InvalidOperation, DivisionByZero, Overflow])
_DEFAULT_READY = True
_MAX_CONTEXT = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])
