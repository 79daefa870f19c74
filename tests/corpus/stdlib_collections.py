# collections: deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap, collections.abc
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
import collections.abc as cabc

# ----- deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([5, 6]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); d.rotate(100); print(d)
print(d.index(5), d.count(5), d.index(2, 1), list(reversed(d)))
d.insert(1, 'x'); d.remove('x'); d[0] = 'first'; del d[1]
print(d)
d.reverse(); print(d)
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10); b.appendleft(-1); print(b)
b.extend(range(20, 25)); print(b)
b.extendleft('ab'); print(b)
try:
    b.insert(0, 1)
except IndexError as e:
    print(type(e).__name__, e)
print(deque(maxlen=0), deque('abc', 2), deque([1]) == deque([1]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) >= deque([1, 2]), deque([1]) != deque([2]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([7]), deque([1, 2, 3], maxlen=4) * 3)
e = deque([1]); e += [2, 3]; e *= 2; print(e)
print(bool(deque()), bool(deque([0])), deque(deque([1, 2])), d.copy() == d)
for op, args in [('pop', ()), ('popleft', ()), ('remove', (1,)), ('index', (1,))]:
    try:
        getattr(deque(), op)(*args)
    except (IndexError, ValueError) as ex:
        print(op, type(ex).__name__, ex)
for bad in [lambda: deque()[0], lambda: deque([1])[5], lambda: deque([1])['a'], lambda: deque([1])[0:1],
            lambda: deque([], -1), lambda: deque([1]) + [2], lambda: deque(5)]:
    try:
        bad()
    except (IndexError, TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
r = deque([1]); r.append(r); print(r)
big = deque()
for i in range(100000):
    big.appendleft(i)
while len(big) > 1:
    big.popleft()
print(big)
it = iter(deque([1, 2])); print(next(it), next(it), next(it, 'end'))


class MyDeque(deque):
    def total(self):
        return sum(self)


md = MyDeque([1, 2, 3], maxlen=5)
print(md, md.total(), isinstance(md, deque), md.maxlen, type(md.copy()).__name__)

# ----- defaultdict
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['zz'], len(dd), dd.default_factory)
di = defaultdict(int, {'x': 1}, y=2)
di['z'] += 5
print(di, isinstance(di, dict), 'q' in di, di.get('q'))
dn = defaultdict()
try:
    dn['missing']
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    defaultdict(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(dn, defaultdict(lambda: 'd').default_factory())
cp = dd.copy(); cp['new'].append(9); print(type(cp).__name__, 'new' in dd, cp['new'])
tree = lambda: defaultdict(tree)
t = tree(); t['a']['b']['c'] = 1
print(t['a']['b']['c'], sorted(t['a']))

# ----- OrderedDict
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), list(od.items()))
od.move_to_end('b'); print(od)
od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
try:
    od.move_to_end('nope')
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    OrderedDict().popitem()
except KeyError as ex:
    print(type(ex).__name__, ex)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]))
x1 = OrderedDict([('a', 1), ('b', 2)]); x2 = OrderedDict([('b', 2), ('a', 1)])
print(x1 == x2, dict(x1) == dict(x2), x1 == {'b': 2, 'a': 1}, list(reversed(x1)))
print(OrderedDict.fromkeys('abc', 0), x1 | {'c': 3}, x1.copy())

# ----- Counter
c = Counter('abracadabra')
print(c, c['a'], c['zz'], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()))
c.update('aaz'); c.update({'b': 10}); print(c)
c.subtract('aaaaaaa'); c.subtract({'b': 1}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=-1, b=2), -Counter(a=-1, b=2))
cc = Counter(a=1); cc += Counter(a=2, b=-1); print(cc)
cc -= Counter(a=5); print(cc)
print(Counter(), Counter('aab') == Counter('aba'), Counter('ab') <= Counter('aab'), Counter({'x': 0}) == Counter())
del c['a']; del c['nonexistent']; print('a' in c)
try:
    Counter.fromkeys('abc')
except NotImplementedError as ex:
    print(type(ex).__name__, ex)
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))

# ----- namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
print(Point.__name__, Point.__doc__, Point.x.__doc__, hash(p) == hash((1, 2)))
P3 = namedtuple('P3', 'a, b c', defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields)
for args in [('1bad', 'x'), ('T', 'x class'), ('T', '_x'), ('T', 'x x'), ('T', 'x', )]:
    try:
        namedtuple(*args)
        print('ok', args)
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
try:
    namedtuple('T', 'x', defaults=[1, 2])
except TypeError as ex:
    print(type(ex).__name__, ex)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: Point(1, x=2),
            lambda: Point(), lambda: P3(), lambda: Point._make([1]), lambda: p._replace(z=1)]:
    try:
        bad()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    p.x = 5
except AttributeError as ex:
    print(type(ex).__name__)


class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


print(Point3(1, -2, 3).norm1, Point3(1, 2, 3))
print(sorted([Point(2, 1), Point(1, 5)]), max(Point(2, 1)))

# ----- ChainMap
base = {'a': 1, 'b': 2}
over = {'b': 3}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('z', 0), 'a' in cm)
cm['c'] = 4; print(over, cm.maps[0] is over)
child = cm.new_child(); child['a'] = 100; print(child['a'], cm['a'], child.parents['a'])
try:
    del cm['a']
except KeyError as ex:
    print(type(ex).__name__, ex)

# ----- collections.abc
samples = [[], (), '', {}, set(), frozenset(), range(3), b'', deque(), iter([]), (x for x in []), len, 5, None, dd, od, c, p]
names = ['Iterable', 'Iterator', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'Set', 'MutableSet',
         'Sized', 'Container', 'Hashable', 'Callable', 'Collection', 'Reversible', 'Generator']
for name in names:
    abc_cls = getattr(cabc, name)
    print(name, ''.join('1' if isinstance(s, abc_cls) else '0' for s in samples))
print(issubclass(list, cabc.Sequence), issubclass(dict, cabc.Mapping), issubclass(int, cabc.Hashable))


class Box(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


bx = Box(3, 1, 4, 1)
print(list(bx), 4 in bx, bx.index(4), bx.count(1), list(reversed(bx)), isinstance(bx, cabc.Iterable))


class Store(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


st = Store()
st['a'] = 1; st.update(b=2); st.setdefault('c', 3)
print(dict(st), st.pop('a'), st.get('zz', 'dflt'), sorted(st.keys()), sorted(st.values()), sorted(st.items()), 'b' in st)
print(st == {'b': 2, 'c': 3}, st.popitem(), len(st))
try:
    cabc.Mapping()
except TypeError as ex:
    print(type(ex).__name__, ex)


class Incomplete(cabc.Mapping):
    def __getitem__(self, k):
        return k


try:
    Incomplete()
except TypeError as ex:
    print(type(ex).__name__, ex)


class HasLen:
    def __len__(self):
        return 0


print(isinstance(HasLen(), cabc.Sized), issubclass(HasLen, cabc.Iterable))
