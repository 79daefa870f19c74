# itertools: every iterator, laziness over infinite inputs, reprs, and CPython's argument errors
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)

# count
c = count()
print(next(c), next(c), next(c), repr(c))
print(list(islice(count(10), 5)))
print(list(islice(count(1, 3), 5)))
print(list(islice(count(0.5, 0.25), 5)))
print(list(islice(count(step=-2), 4)))
print(repr(count(5)), repr(count(1.5)), repr(count(0, 2)), repr(count(0, 1.0)), repr(count(3, True)))
big = count(2 ** 63 - 2)
print(next(big), next(big), next(big), repr(big))
print(type(count()).__name__, type(count()), isinstance(count(), count))
print(iter(c) is c)

# cycle
cy = cycle('abc')
print([next(cy) for _ in range(8)])
print(list(islice(cycle([]), 3)))
def gen3():
    for i in range(3):
        print('produce', i)
        yield i
cg = cycle(gen3())
print([next(cg) for _ in range(7)])

# repeat
print(list(repeat('x', 3)), list(repeat(None, 0)), list(repeat(1, -5)))
r = repeat(7)
print([next(r) for _ in range(4)], repr(r), repr(repeat('a', 2)))
r = repeat([1], 3)
next(r)
print(repr(r), r.__length_hint__())
print(list(map(pow, range(5), repeat(2))))
print(list(repeat(object=1, times=2)))

# chain
print(list(chain()), list(chain([1, 2], (3,), 'ab', {9: 0})))
print(list(chain.from_iterable(['ab', [1, 2], range(3)])))
print(list(islice(chain.from_iterable(repeat([1, 2])), 7)))
ch = chain([1], 5, [2])
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print('TypeError', e)
print(list(ch))

# islice
s = 'ABCDEFG'
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, 1, 100, 3)), list(islice(s, 10, 20)), list(islice(s, None, None, None)))
print(list(islice(count(), 3, 30, 7)))
print(list(islice(range(10), 2 ** 62)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), list(it))

# product
print(list(product('ab', range(2))))
print(list(product([1, 2], repeat=2)))
print(list(product()), list(product(repeat=0)), list(product([], [1])), list(product([1], [])))
print(len(list(product(range(3), repeat=4))))
print(list(product('ab', 'cd', repeat=2))[:5])

# permutations / combinations
print(list(permutations('abc')))
print(list(permutations(range(4), 2)))
print(list(permutations([1, 2], 0)), list(permutations([1, 2], 3)), list(permutations([], 0)), list(permutations([])))
print(list(permutations('ab', None)))
print(list(combinations('ABCD', 2)))
print(list(combinations(range(5), 3)))
print(list(combinations('ab', 0)), list(combinations('ab', 3)), list(combinations([], 0)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement([1, 2], 3)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('x', 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(20), 3))))

# accumulate
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(['a', 'b', 'c'])), list(accumulate([1, 2], None)))
print(list(islice(accumulate(count()), 6)))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=None)))

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = [(k, g) for k, g in groupby('aabbc')]
print([(k, list(g)) for k, g in groups])
gb = groupby('aaabbc')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
print(list(groupby([])))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for key, grp in groupby(sorted(words), key=lambda w: w[0]):
    print(key, list(grp))
print(type(next(groupby('a'))[1]).__name__)

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest([1, 2], [3], [4, 5, 6])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([], [])))
print(list(zip_longest(range(3), count(), fillvalue=0))[:3] if False else list(islice(zip_longest(range(3), count()), 5)))

# starmap, takewhile, dropwhile, filterfalse, compress, pairwise
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: sum(a), [[1, 2, 3], (4,), ()])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 10, count())), list(islice(dropwhile(lambda x: x < 10, count()), 3)))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None, [], [0]])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print(list(compress(data=[1, 2, 3], selectors=[True, False])))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(islice(pairwise(count()), 3)))
tw = takewhile(lambda x: x < 3, [1, 2, 3, 1, 2])
print(list(tw), list(tw))

# tee
a, b = tee([1, 2, 3, 4])
print(next(a), next(a), list(b), list(a))
t = tee(count(), 3)
print(len(t), [next(x) for x in t], next(t[0]), next(t[0]), next(t[2]))
print(tee([1]), tee([1], 0)) if False else print(len(tee([1], 0)), type(tee('a')[0]).__name__)
x, y = tee(iter(range(200)))
print(sum(x), sum(y))
p, q = tee('abc')
r1, r2 = tee(p)
print(list(r1), list(r2), list(q), list(p))
m, n = tee(range(5))
next(m)
o = m.__copy__()
print(list(m), list(o), list(n))

# laziness: nothing is consumed before it is asked for
def noisy(n):
    for i in range(n):
        print('yield', i)
        yield i
lazy = map(lambda v: v * 10, islice(noisy(10), 1, 4))
print('built')
print(list(lazy))
z = zip_longest(noisy(2), 'ab', fillvalue=None)
print('built')
print(list(z))

# recipes
def take(n, iterable):
    return list(islice(iterable, n))
def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)
def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))
def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))
def unique_justseen(iterable, key=None):
    return map(next, map(lambda g: g[1], groupby(iterable, key)))
print(take(3, count(7)), nth(count(), 5), nth('ab', 9, 'z'))
print(list(flatten([[1, 2], [3], []])))
print(list(grouper('ABCDEFG', 3, 'x')))
print(list(roundrobin('ABC', 'D', 'EF')))
print(list(powerset([1, 2, 3])))
print(list(unique_justseen('AAAABBBCCDAABBB')), list(unique_justseen('ABBcCAD', str.lower)))

# errors, raised by the constructors (not lazily) like CPython
def check(f):
    try:
        r = f()
        print('ok', type(r).__name__)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
check(lambda: count('a'))
check(lambda: count(1, 'a'))
check(lambda: count(1, 2, 3))
check(lambda: count(x=1))
check(lambda: cycle())
check(lambda: cycle(1))
check(lambda: cycle([1], x=1))
check(lambda: repeat())
check(lambda: repeat(1, 'a'))
check(lambda: repeat(1, 2, 3))
check(lambda: repeat(1, 2 ** 70))
check(lambda: chain(x=1))
check(lambda: chain.from_iterable(5))
check(lambda: islice([1]))
check(lambda: islice([1], -1))
check(lambda: islice([1], -5))
check(lambda: islice([1], 'a'))
check(lambda: islice([1], 2 ** 100))
check(lambda: islice([1], 1, 5, 0))
check(lambda: islice([1], None, 5, -1))
check(lambda: islice(1, 5))
check(lambda: islice([1], 1, 2, 3, 4))
check(lambda: islice([1], stop=3))
check(lambda: product(1))
check(lambda: product([1], repeat=-1))
check(lambda: product([1], foo=1))
check(lambda: permutations())
check(lambda: permutations([1], -1))
check(lambda: permutations([1], 1.5))
check(lambda: combinations([1]))
check(lambda: combinations([1], -1))
check(lambda: combinations([1], 'a'))
check(lambda: combinations_with_replacement('ab', -2))
check(lambda: accumulate())
check(lambda: accumulate([1], None, None))
check(lambda: accumulate([1], bad=1))
check(lambda: groupby())
check(lambda: groupby([1], 1, 2))
check(lambda: zip_longest([1], x=1))
check(lambda: zip_longest([1], 5))
check(lambda: starmap(len))
check(lambda: takewhile(len, 1))
check(lambda: dropwhile(len))
check(lambda: filterfalse(None))
check(lambda: compress([1]))
check(lambda: pairwise())
check(lambda: tee())
check(lambda: tee([1], -1))
check(lambda: tee([1], 2, 3))
check(lambda: list(starmap(len, [1])))
check(lambda: list(accumulate([1, 'a'])))
check(lambda: list(starmap(pow, [(1, 2, 3, 4)])))
check(lambda: list(groupby([1, 2], key=len)))
print(itertools.__name__, sorted(n for n in dir(itertools) if not n.startswith('_')))
