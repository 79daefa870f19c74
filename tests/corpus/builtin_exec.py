# exec, eval, compile: globals and locals dicts, the caller's scope, code objects, errors
g = {'x': 10}
exec('y = x + 1\ndef f(a):\n    return a * y\nz = f(2)', g)
print(sorted(k for k in g if k != '__builtins__'), g['y'], g['z'], '__builtins__' in g)
print(g['f'](5), g['f'].__name__)

# separate locals: assignments go to locals, reads fall back to globals
gl, lo = {'base': 100}, {}
exec('a = base + 1\nb = a * 2', gl, lo)
print(sorted(lo), lo['b'], 'a' in gl)
print(eval('a + b + base', gl, lo))

# global statement writes to globals even with separate locals
exec('global counter\ncounter = 7\nlocal_one = 1', gl, lo)
print(gl['counter'], lo['local_one'], 'counter' in lo)

# eval of expressions
print(eval('1 + 2 * 3'), eval('  [i * i for i in range(4)]'), eval('x', {'x': 'gx'}), eval('x', {'x': 1}, {'x': 2}))
print(eval('len(s)', {'s': 'abcd'}), eval(b'2 ** 10'), eval('(lambda q: q + 1)(4)'))

# no globals: the caller's module
module_level = 'mod'
exec('module_level = module_level + "!"\nnew_name = 42')
print(module_level, new_name)
print(eval('module_level * 2'))

# inside a function: reads see locals, writes do not change them
def inside():
    v = 3
    print(eval('v + 1'))
    exec('v = 99\nw = v')
    return v
print(inside())

# class body: exec writes into the class namespace
class K:
    exec('made = 5')
    doubled = made * 2
print(K.made, K.doubled)

# compile + exec / eval
code = compile('total = sum(range(n))', '<calc>', 'exec')
ns = {'n': 5}
exec(code, ns)
print(ns['total'], code.co_filename, code.co_name, type(code).__name__)
expr = compile('n * 3', 'expr.py', 'eval')
print(eval(expr, {'n': 7}), eval(expr, {'n': 2}), exec(expr, {'n': 1}))
print(eval(compile('q = 1', 's', 'exec'), {}))

# functions made by exec see later globals of their own namespace
g2 = {}
exec('def first():\n    return second()\ndef second():\n    return "second"', g2)
print(g2['first']())

# classes made by exec
g3 = {'__name__': 'generated'}
exec('class Point:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f"Point({self.x})"', g3)
print(g3['Point'](3), g3['Point'].__module__)

# del in exec removes from the dict
g4 = {'gone': 1, 'kept': 2}
exec('del gone', g4)
print(sorted(k for k in g4 if k != '__builtins__'))

# exceptions propagate, with what ran before still stored
g5 = {}
try:
    exec('before = 1\nraise ValueError("inside exec")\nafter = 2', g5)
except ValueError as e:
    print('ValueError', e, 'before' in g5, 'after' in g5)
try:
    eval('undefined_name')
except NameError as e:
    print('NameError', e)

# errors
for src in ['x = 1', '1 +', 'def']:
    try:
        eval(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
try:
    exec('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.filename)
try:
    compile('a b', 'named.py', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.filename, e.lineno)
bad_calls = [
    lambda: exec(1),
    lambda: eval(1),
    lambda: exec('x', 1),
    lambda: eval('x', 1),
    lambda: exec('x', {}, 1),
    lambda: eval('x', {}, 1),
    lambda: compile('x', 'f', 'bad'),
    lambda: compile(1, 'f', 'exec'),
    lambda: compile('x'),
    lambda: exec('pass', {}, {}, 3),
    lambda: exec(),
    lambda: eval('1', g=1),
]
for call in bad_calls:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# a non-dict mapping as locals
class Mapping:
    def __init__(self):
        self.store = {'m': 5}
    def __getitem__(self, k):
        return self.store[k]
    def __setitem__(self, k, v):
        self.store[k] = v
    def keys(self):
        return self.store.keys()
mp = Mapping()
exec('n = m + 1', {}, mp)
print(sorted(mp.store.items()))
