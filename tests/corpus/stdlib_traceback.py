import sys
import traceback


def inner(x):
    return 10 / x


def middle(x):
    return inner(x) + 1


def outer():
    d = {'a': 1}
    return d['b']


try:
    middle(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.replace(__file__, 'FILE'))
    traceback.print_exc(file=sys.stdout)

try:
    outer()
except KeyError as e:
    lines = traceback.format_exception(e)
    print(len(lines), type(lines).__name__)
    print(''.join(lines).replace(__file__, 'FILE'))
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print(''.join(lines).replace(__file__, 'FILE'))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    for fs in traceback.extract_tb(tb):
        print(fs.filename == __file__, fs.lineno, fs.name, repr(fs.line))
    summary = traceback.extract_tb(tb)
    print(type(summary).__name__, len(summary))
    print([s.replace(__file__, 'FILE') for s in traceback.format_tb(tb)])
    print([s.replace(__file__, 'FILE') for s in traceback.format_list(summary)])
    print(''.join(traceback.format_tb(tb, limit=1)).replace(__file__, 'FILE'))
    print(''.join(traceback.format_tb(tb, limit=-1)).replace(__file__, 'FILE'))

# chained exceptions
def chain():
    try:
        int('xyz')
    except ValueError as err:
        raise RuntimeError('conversion failed') from err


try:
    chain()
except RuntimeError:
    print(traceback.format_exc().replace(__file__, 'FILE'))
    print(traceback.format_exc(chain=False).replace(__file__, 'FILE'))


def implicit():
    try:
        [][1]
    except IndexError:
        raise TypeError('while handling')


try:
    implicit()
except TypeError as e:
    traceback.print_exception(e, file=sys.stdout)


class MyError(Exception):
    pass


try:
    raise MyError('custom message')
except MyError:
    print(traceback.format_exc().replace(__file__, 'FILE'))

try:
    raise MyError()
except MyError as e:
    print(traceback.format_exception_only(e))

e = ValueError('never raised')
print(e.__traceback__, traceback.format_exception(e))
print(traceback.format_exception_only(ValueError, None))

fs = traceback.FrameSummary('f.py', 3, 'func', line='x = 1')
print(fs, list(fs), fs.line, fs == ('f.py', 3, 'func', 'x = 1'))
print(traceback.format_list([('f.py', 3, 'func', 'x = 1'), fs]))

te = None
try:
    {}['k']
except KeyError as exc:
    te = traceback.TracebackException.from_exception(exc)
print(''.join(te.format()).replace(__file__, 'FILE'))
print(list(te.format_exception_only()), str(te))


def show_stack():
    return traceback.format_stack()


st = show_stack()
print(len(st) >= 2, [s.replace(__file__, 'FILE') for s in st[-2:]])
print([(f.name, f.lineno) for f in traceback.extract_stack()][-1:])

# exc_info outside handler
print(sys.exc_info(), traceback.format_exc())


def recurse(n):
    return recurse(n + 1) if n < 30 else 1 / 0


try:
    recurse(0)
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, 'FILE'))

try:
    raise ValueError('with note')
except ValueError as e:
    e.__notes__ = ['a note', 'second']
    print(traceback.format_exception_only(e))
