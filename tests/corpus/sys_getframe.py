# sys._getframe, frame and code objects, traceback tb_frame / tb_next / tb_lineno, locals()
import sys
import traceback

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_globals['__name__']

def caller():
    return where()

print(caller())
print(where()[0], where()[2])

def show_locals(a, b=2, *rest, **kw):
    total = a + b
    def inner():
        return total
    fr = sys._getframe()
    print(sorted(fr.f_locals), fr.f_locals['total'], fr.f_locals['kw'])
    print(sorted(locals()))
    return fr

fr = show_locals(1, 5, 6, k=1)
print(fr.f_code.co_name, fr.f_code.co_argcount, fr.f_code.co_varnames[:3], fr.f_code.co_cellvars)
print(fr.f_back.f_code.co_name, fr.f_back.f_back)
print(type(fr).__name__, type(fr.f_code).__name__)

# depth walking via f_back
def a(): return b()
def b(): return c()
def c():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
print(a())
print(sys._getframe(0).f_code.co_name, sys._getframe().f_back)

# errors
print(sys._getframe(-1).f_code.co_name)
for bad in (100, 10**6):
    try:
        sys._getframe(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    sys._getframe('x')
except TypeError as e:
    print('TypeError', e)
try:
    sys._getframe(1, 2)
except TypeError as e:
    print('TypeError', e)

# code objects
def gen():
    yield 1
def varargs(x, /, y, *args, z, **kw):
    pass
async def coro():
    pass
print(varargs.__code__.co_argcount, varargs.__code__.co_posonlyargcount, varargs.__code__.co_kwonlyargcount)
print(varargs.__code__.co_flags, gen.__code__.co_flags, coro.__code__.co_flags, (lambda: 0).__code__.co_flags)
print(varargs.__code__.co_varnames, varargs.__code__.co_nlocals, varargs.__code__.co_name, varargs.__code__.co_qualname)
def outer():
    v = 1
    def nested():
        return v
    return nested
print(outer.__code__.co_cellvars, outer().__code__.co_freevars, outer().__code__.co_flags, outer().__code__.co_qualname)
print(outer.__code__.co_firstlineno, outer.__code__.co_filename == __file__)

# traceback objects
def fail(n):
    local_value = n * 2
    raise KeyError(n)
def middle():
    m = 'mid'
    fail(7)
try:
    middle()
except KeyError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        f = tb.tb_frame
        inner_frame = f.f_code.co_name != '<module>'
        seen.append((f.f_code.co_name, tb.tb_lineno, inner_frame and f.f_lineno == tb.tb_lineno, sorted(f.f_locals) if inner_frame else None))
        last = tb
        tb = tb.tb_next
    for s in seen:
        print(s)
    print(last.tb_frame.f_locals['local_value'], last.tb_frame.f_back.f_code.co_name)
    print(last.tb_frame.f_globals['__name__'])
    summary = traceback.extract_tb(e.__traceback__)
    print([(fs.name, fs.lineno) for fs in summary])
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)])

# frames seen from a class body and module level
class K:
    attr = 1
    here = sorted(sys._getframe().f_locals)
print(K.here)
print('__name__' in sys._getframe().f_locals, sys._getframe().f_locals is not None)
