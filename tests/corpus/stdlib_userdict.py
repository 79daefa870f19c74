# collections.UserDict, UserList and UserString: wrappers around .data for subclassing.
from collections import UserDict, UserList, UserString
import copy


def attempt(f, *args):
    try:
        r = f(*args)
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)


# UserDict
d = UserDict({'a': 1}, b=2)
print(d, len(d), d['a'], 'b' in d, 'z' in d, list(d), d.data)
d['c'] = 3
del d['a']
print(d, d.get('c'), d.get('zz', 'dflt'), sorted(d.items()), list(d.keys()), list(d.values()))
attempt(lambda: d['missing'])
attempt(lambda: d.__delitem__('missing'))
print(d == {'b': 2, 'c': 3}, d == UserDict(b=2, c=3), d != {'b': 2})
print(d | {'x': 9}, {'y': 8} | d, d | UserDict(q=1))
d |= {'w': 0}
print(d, type(d | {}).__name__)
attempt(lambda: d | 5)
print(d.pop('w'), d.setdefault('s', 5), d.popitem(), d)
d.update([('k', 1)], m=2)
print(d, UserDict.fromkeys('ab', 0), UserDict())
c = d.copy()
c['new'] = 1
print(type(c).__name__, c, d)
print(copy.copy(d), copy.deepcopy(d))


class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2


dd = Defaulting(x=1)
print(dd['x'], dd['ab'], type(dd.copy()).__name__, dd.copy())
print(isinstance(d, dict), repr(d), str(d))


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


lw = Lower({'AB': 1}, CD=2)
lw['EF'] = 3
print(lw)

# UserList
l = UserList([3, 1, 2])
print(l, len(l), l[0], l[-1], l[1:], type(l[1:]).__name__, 2 in l, 5 in l)
l.append(0)
l.extend(UserList([9]))
l.extend((7,))
l.insert(0, 10)
print(l, l.pop(), l.pop(0), l)
l.sort()
print(l, l.index(2), l.count(1))
l.reverse()
l.remove(9)
print(l, l + [5], [5] + l, l + UserList([6]), l * 2, 2 * l, type(l + [5]).__name__)
l += [4]
l *= 2
print(l)
print(l == [3, 2, 1, 0, 4, 3, 2, 1, 0, 4], l < [4], l > UserList([1]), l <= l, l >= [])
l[0] = 'a'
del l[1]
print(l, l.copy(), type(l.copy()).__name__)
l.clear()
print(l, UserList(), UserList('abc'), UserList(range(3)))
attempt(lambda: UserList([1]).remove(5))
attempt(lambda: UserList([1])[3])
attempt(lambda: UserList([]).pop())
attempt(lambda: UserList([1]).index(2))
attempt(lambda: hash(UserList()))
attempt(lambda: sorted(UserList([3, 1, 2]), reverse=True))

# UserString
s = UserString('Hello World')
print(s, repr(s), len(s), s[0], s[-5:], type(s[0]).__name__, 'World' in s, UserString('lo') in s)
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.casefold(), s.capitalize())
print(type(s.upper()).__name__, s.split(), s.split('o', 1), s.rsplit(None, 1), s.partition(' '))
print(s.find('o'), s.rfind('o'), s.index('W'), s.count('l'), s.startswith('He'), s.endswith('x'))
print(s.replace('World', 'There'), s.center(15, '*'), s.ljust(13, '.'), s.rjust(13), s.zfill(14))
print(s.strip('Hd'), s.lstrip('H'), s.rstrip('d'), s.encode(), s.join(['[', ']']))
print(s + '!', '>' + s, s + UserString('?'), s * 2, 2 * s, type('>' + s).__name__)
print(UserString('%s-%d') % ('x', 3), UserString('{}+{}').format(1, 2), s.isalpha(), s.istitle())
print(s == 'Hello World', s == UserString('Hello World'), s < 'Z', s > 'A', hash(s) == hash('Hello World'))
print(int(UserString('42')), float(UserString('2.5')), UserString(123), UserString(s), sorted(UserString('cab')))
print(UserString('a\tb').expandtabs(4), UserString('a\nb').splitlines(), s.removeprefix('Hello '), s.removesuffix('World'))
print(UserString('x').translate(str.maketrans('x', 'y')), s.isupper(), UserString('12').isdigit())
attempt(lambda: s.index('zz'))
attempt(lambda: int(UserString('abc')))
attempt(lambda: s + 1)
