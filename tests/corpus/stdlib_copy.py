# copy: copy/deepcopy of builtins, instances, slots, cycles, memo, __copy__/__deepcopy__/__reduce__
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
class A:
    def __init__(self): self.x = [1, 2]; self.me = self
a = A(); b = copy.copy(a); c = copy.deepcopy(a)
print(b.x is a.x, c.x is a.x, c.x == a.x, c.me is c, b.me is a)
l = [1, [2, 3]]; l.append(l)
m = copy.deepcopy(l); print(m[2] is m, m[1] is l[1], m[1] == l[1])
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; t = copy.deepcopy(s); print(t.a, t.a is s.a, hasattr(t, 'b'))
class C:
    def __copy__(self): return 'copied'
    def __deepcopy__(self, memo): return 'deep'
print(copy.copy(C()), copy.deepcopy([C()]))
d = deque([[1], [2]], maxlen=3); e = copy.deepcopy(d); print(e, e[0] is d[0], copy.copy(d))
dd = defaultdict(list, a=[1]); ee = copy.deepcopy(dd); print(ee, ee['a'] is dd['a'], ee['zz'])
print(copy.deepcopy(OrderedDict(a=[1])), copy.copy(Counter('aab')))
P = namedtuple('P', 'x y'); print(copy.deepcopy(P([1], 2)))
t = (1, 2); print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = (1, [2]); print(copy.deepcopy(t2) is t2)
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(y[0] is y[1], id(x) in memo)
class L(list): pass
q = L([1, [2]]); q.attr = 5; r = copy.deepcopy(q); print(type(r).__name__, r, r.attr, r[1] is q[1])
print(copy.copy({1: 2}), copy.copy({1}), copy.copy(5), copy.deepcopy(len) is len)
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
print(copy.copy(R(2)).v, copy.deepcopy(R(3)).v)
try: copy.Error('x')
except Exception as e: print(e)
print(copy.error is copy.Error)
