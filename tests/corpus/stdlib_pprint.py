# pprint: CPython's line breaking for nested containers, strings and bytes; options.
import pprint
import io
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap, UserDict, UserList, UserString
from dataclasses import dataclass, field

data = {
    'name': 'ember', 'version': (0, 1, 2), 'tags': ['python', 'rust', 'jit', 'interpreter'],
    'deps': {'ruff_python_parser': '0.0.10', 'num-bigint': '0.4', 'cranelift': {'codegen': '0.110', 'frontend': '0.110'}},
    'matrix': [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], list(range(30))],
    'empty': {}, 'none': None, 'flag': True, 'ratio': 0.25, 'set': {3, 1, 2}, 'fs': frozenset({5, 4}),
    3: 'int key', (1, 2): 'tuple key',
}
data2 = {k: v for k, v in data.items() if not isinstance(k, (int, tuple))}
pprint.pprint(data2)
for width in (80, 60, 40, 20, 5, 1):
    print('--- width', width)
    print(pprint.pformat(data2, width=width))
print(pprint.pformat(data2, indent=4, width=50))
print(pprint.pformat(data2, depth=1))
print(pprint.pformat(data2, depth=2, width=40))
print(pprint.pformat(data2, compact=True, width=40))
print(pprint.pformat(data2, sort_dicts=False, width=60))
pprint.pp(data2, width=70)
print(pprint.pformat({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}))
print(pprint.pformat(list(range(100)), compact=True))
print(pprint.pformat(list(range(40)), width=30))
print(pprint.pformat([list(range(12))] * 3, compact=True, width=30))
print(pprint.pformat((1,), width=1), pprint.pformat((), width=1), pprint.pformat([(1,)], width=3))
print(pprint.pformat(tuple(range(20)), width=20))
print(pprint.pformat(set(range(25)), width=30), pprint.pformat(frozenset(range(25)), width=30))
print(pprint.pformat(set()), pprint.pformat(frozenset()))
print(pprint.pformat({'x': set(range(20))}, width=30))
print(pprint.pformat(10 ** 20, underscore_numbers=True), pprint.pformat([10 ** 6, -12345], underscore_numbers=True))

# Strings and bytes split across lines.
text = 'The quick brown fox jumps over the lazy dog. ' * 4
print(pprint.pformat(text))
print(pprint.pformat(text, width=30))
print(pprint.pformat([text, 'short'], width=50))
print(pprint.pformat({'key': text}, width=40))
print(pprint.pformat('line one\nline two\nline three is much longer than the others', width=25))
print(pprint.pformat('nospacesinthisverylongstringatallsoitcannotbesplitanywhere', width=20))
print(pprint.pformat(b'0123456789abcdef' * 4, width=30))
print(pprint.pformat([b'0123456789abcdef' * 3], width=30))
print(pprint.pformat(b'abc', width=1), pprint.pformat('', width=1), pprint.pformat(b'', width=1))

# Collections types.
od = OrderedDict((str(i) * 5, i) for i in range(8))
print(pprint.pformat(od, width=40))
print(pprint.pformat(OrderedDict()), pprint.pformat(OrderedDict(a=1)))
dd = defaultdict(list, {'alpha': [1, 2, 3], 'beta': list(range(15)), 'gamma': []})
print(pprint.pformat(dd, width=40))
print(pprint.pformat(defaultdict(int)))
cnt = Counter('abracadabra simsalabim hocus pocus')
print(pprint.pformat(cnt, width=40))
print(pprint.pformat(Counter()))
dq = deque(range(30))
print(pprint.pformat(dq, width=40))
print(pprint.pformat(deque(range(30), maxlen=40), width=40))
print(pprint.pformat(deque()))
cm = ChainMap({'a': list(range(10)), 'b': 2}, {'c': 'x' * 30})
print(pprint.pformat(cm, width=40))
print(pprint.pformat(UserDict(data2), width=50))
print(pprint.pformat(UserList(range(30)), width=40))
print(pprint.pformat(UserString(text), width=40))


@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False)


pts = [Point(1, 2, ['a'] * 10), Point(333333, 444444, list(range(15)))]
print(pprint.pformat(pts, width=40))
print(pprint.pformat(Point(1, 2), width=5))


class Custom(dict):
    def __repr__(self):
        return 'Custom!'


class PlainSub(dict):
    pass


class ListSub(list):
    pass


print(pprint.pformat([Custom(a=1)] * 3, width=10))
print(pprint.pformat(PlainSub({i: str(i) * 10 for i in range(5)}), width=30))
print(pprint.pformat(ListSub(range(20)), width=20))

# Recursion, readability, saferepr.
lst = [1, 2]
lst.append(lst)
print(pprint.isrecursive(lst), pprint.isreadable(lst), pprint.isrecursive([1, [2]]))
print(pprint.isreadable([1, 'a', (2.5, None)]), pprint.isreadable(object()), pprint.isreadable({1: int}))
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.saferepr('x'), pprint.saferepr([]))
print(pprint.saferepr({2: 'b', 1: 'a', 'z': 0}))
pp = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(pp.pformat([[[[1, 2, 3]]], {'a': {'b': {'c': {}}}}]))
print(pp.isreadable([1, 2]), pp.isrecursive(lst), pp.isreadable({'a': [1]}))
s = io.StringIO()
pprint.PrettyPrinter(stream=s, width=20).pprint(list(range(10)))
pprint.pprint({'to': 'stream'}, stream=s)
print(s.getvalue(), end='')
print(pprint.pformat({1: 'a', 'b': 2, None: 3, (1,): 4}))
print(pprint.pformat({3.5: 1, 2: 2, True: 3}))
for kwargs in [{'indent': -1}, {'depth': 0}, {'width': 0}, {'depth': -2}]:
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print('ValueError', e)
try:
    pprint.pformat([1], bogus=1)
except TypeError as e:
    print('TypeError', e)


# Programs may register a layout for their own class, keyed by its __repr__.
class Box:
    def __init__(self, items):
        self.items = items

    def __repr__(self):
        return 'Box(%r)' % (self.items,)


def _pprint_box(printer, obj, stream, indent, allowance, context, level):
    stream.write('Box(')
    printer._format(obj.items, stream, indent + 4, allowance + 1, context, level)
    stream.write(')')


pprint.PrettyPrinter._dispatch[Box.__repr__] = _pprint_box
print(pprint.pformat([Box(list(range(30)))], width=40))
