# weakref: ref identity/equality/hash/callbacks, weak containers, finalize, WeakMethod, gc switches
import weakref, gc
class C:
    def __init__(self, n): self.n = n
    def __repr__(self): return "C(%d)" % self.n
    def m(self): return self.n
for o in [1, 'a', (), [], {}, set(), frozenset(), object(), Exception(), property(), len, b'', 1.5, None, range(3) , (x for x in []), type, weakref]:
    try: weakref.ref(o); print(type(o).__name__, 'ok')
    except TypeError as e: print(type(o).__name__, e)
class L(list): pass
class I(int): pass
class S: __slots__=('a',)
class S2: __slots__=('a','__weakref__')
for c in (L, I, S, S2):
    try: weakref.ref(c()); print(c.__name__, 'ok')
    except TypeError as e: print(c.__name__, e)
print(weakref.ref, weakref.ref.__name__, weakref.ReferenceType)
try: weakref.ref()
except TypeError as e: print(e)
try: weakref.ref(1,2,3)
except TypeError as e: print(e)
c = C(1); r = weakref.ref(c)
print(r() is c, r.__callback__, weakref.getweakrefcount(c), weakref.ref(c) is r, len(weakref.getweakrefs(c)))
log = []
r2 = weakref.ref(c, lambda w: log.append(('cb', w is r2, w())))
print(r2 is r, weakref.getweakrefcount(c), r == r2, hash(r) == hash(c))
try: r(1)
except TypeError as e: print(e)
try: r(a=1)
except TypeError as e: print(e)
del c
gc.collect()
print(r(), r2(), log)
print(r == r2, r != r2, r == r)
try: hash(r2)
except TypeError as e: print('hash', e)
print(hash(r) is not None)
# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [C(i) for i in range(5)]
for o in objs: d[o.n] = o
print(len(d), sorted(d.keys()), d[2], d.get(9, 'none'), 3 in d)
del objs[1:3]
gc.collect()
print(len(d), sorted(d.keys()), sorted(d.values(), key=lambda c: c.n), 1 in d)
try: d[1]
except KeyError as e: print('KeyError', e)
k = weakref.WeakKeyDictionary()
ks = [C(i) for i in range(4)]
for x in ks: k[x] = x.n * 10
print(len(k), sorted(k.values()), k[ks[0]], ks[1] in k)
del ks[0]
gc.collect()
print(len(k), sorted(k.values()))
s = weakref.WeakSet(ks)
print(len(s), ks[0] in s, C(99) in s)
ks.pop()
gc.collect()
print(len(s), sorted(x.n for x in s))
o = C(7)
f = weakref.finalize(o, print, "finalized", 7)
print(f.alive, f.peek()[1:] if f.peek() else None)
del o
gc.collect()
print(f.alive)
o2 = C(8)
f2 = weakref.finalize(o2, print, "never")
print(f2.detach()[2], f2.alive)
o3 = C(9); f3 = weakref.finalize(o3, lambda: 42)
print(f3(), f3(), f3.alive)
wm = weakref.WeakMethod(o2.m)
print(wm()(), wm() == o2.m)
del o2
gc.collect()
print(wm())
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
try: gc.collect(3)
except Exception as e: print(type(e).__name__, e)
try: gc.enable(1)
except Exception as e: print(type(e).__name__, e)

# callbacks run newest first, after the collection, once
order = []
class D: pass
x = D()
ra = weakref.ref(x, lambda w: order.append('a'))
rb = weakref.ref(x, lambda w: order.append('b'))
print(weakref.getweakrefcount(x), ra is rb, ra == rb)
del x
gc.collect()
print(order, ra.__callback__, rb.__callback__)
gc.collect()
print(order)

# a weakref that dies before its referent never calls back
y = D()
called = []
rz = weakref.ref(y, lambda w: called.append(1))
del rz
gc.collect()
del y
gc.collect()
print(called)

# locals of a running function stay alive until it returns
def keep():
    o = D()
    r = weakref.ref(o)
    gc.collect()
    alive = r() is o
    return alive, r
alive, r = keep()
gc.collect()
print(alive, r())

# subclasses of ref carry attributes and pass extra arguments to __init__
class Named(weakref.ref):
    def __init__(self, ob, callback=None, name=''):
        super().__init__(ob, callback)
        self.name = name
    def __new__(cls, ob, callback=None, name=''):
        return super().__new__(cls, ob, callback)
z = D()
n = Named(z, None, 'zed')
print(type(n).__name__, n.name, n() is z, isinstance(n, weakref.ref), n is weakref.ref(z))
kr = weakref.KeyedRef(z, None, 'k')
print(kr.key, kr() is z)

# functions, classes, sets, modules
def fn(): return 'fn'
print(weakref.ref(fn)()(), weakref.ref(D)() is D, weakref.ref(weakref)() is weakref)
st = {1, 2}
print(weakref.ref(st)() == {1, 2})

# refs as dict keys
k1 = D(); k2 = D()
dd = {weakref.ref(k1): 'one', weakref.ref(k2): 'two'}
print(dd[weakref.ref(k1)], dd[weakref.ref(k2)])

# WeakValueDictionary API
wv = weakref.WeakValueDictionary({'a': k1}, b=k2)
print(sorted(wv), wv.setdefault('a', k2) is k1, wv.pop('b') is k2, len(wv))
try: wv.pop('zz')
except KeyError as e: print('KeyError', e)
print(wv.pop('zz', 'dflt'), list(wv.items())[0][0], isinstance(wv, weakref.WeakValueDictionary))
wv['t'] = D()
gc.collect()
print(sorted(wv.keys()))
try: wv['n'] = 5
except TypeError as e: print(e)

# WeakKeyDictionary API
wk = weakref.WeakKeyDictionary()
wk[k1] = 1
wk[k2] = 2
print(wk.get(k1), wk.get(D(), 'no'), len(wk), wk.pop(k2), len(wk), 5 in wk)
try: wk[1] = 2
except TypeError as e: print(e)
wk[D()] = 'temp'
gc.collect()
print(len(wk), list(wk.values()))

# WeakSet API
ws = weakref.WeakSet()
ws.add(k1); ws.add(k2); ws.add(k1)
print(len(ws), k2 in ws, 3 in ws)
ws.discard(k2)
print(len(ws))
try: ws.remove(k2)
except KeyError: print('KeyError remove')
ws.add(D())
gc.collect()
print(len(ws), list(ws) == [k1])
try: ws.add(3)
except TypeError as e: print(e)
print(weakref.WeakSet([k1, k2]) == weakref.WeakSet([k2, k1]), len(weakref.WeakSet([k1]) | weakref.WeakSet([k2])))

# finalize
events = []
def note(*a, **k): events.append((a, k))
f1 = D()
fz = weakref.finalize(f1, note, 1, 2, key='v')
print(fz.alive, fz.atexit)
del f1
gc.collect()
print(events, fz.alive, fz())
try: weakref.finalize(3, note)
except TypeError as e: print(e)

# WeakMethod errors
try: weakref.WeakMethod(fn)
except TypeError as e: print(e)

# callback exceptions do not stop the program
g = D()
def boom(w): events.append('boom')
rg = weakref.ref(g, boom)
del g
gc.collect()
print(events[-1])
# collections from nested calls and from dunder methods
def make_and_drop():
    o = D()
    r = weakref.ref(o)
    del o
    gc.collect()
    return r() is None
print(make_and_drop())
class Adder:
    def __add__(self, other):
        gc.collect()
        return 'added'
print(Adder() + 1)
print(sorted([3, 1, 2], key=lambda v: (gc.collect(), v)[1]))
def gen_collect():
    for i in range(2):
        gc.collect()
        yield i
print(list(gen_collect()))
print(repr(weakref.WeakSet()), isinstance(weakref.WeakSet(), set), weakref.WeakSet.__module__)
print('done')
