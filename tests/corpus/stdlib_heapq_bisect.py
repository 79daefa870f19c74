# heapq and bisect: heap orders, nlargest/nsmallest ties, merge, key=, error cases.
import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# heapify and the exact layout of the list
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
h = list(data)
heapify(h)
print("heapified", h)
out = []
while h:
    out.append(heappop(h))
print("popped", out)

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 3, 0, 11, -4]:
    heappush(h, x)
    print("push", x, h)
print("replace", heapreplace(h, 6), h)
print("pushpop small", heappushpop(h, -10), h)
print("pushpop big", heappushpop(h, 100), h)
print("pushpop empty", heappushpop([], 4))

# Tuples as priorities; ties on the priority compare the payload.
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "test"), (1, "coffee"), (3, "deploy")]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for _ in range(len(tasks))])


# Items whose order is only by key: stability of nlargest/nsmallest shows.
class Item:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return f"{self.k}{self.tag}"


items = [Item(k, t) for k, t in [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e"), (3, "f"), (2, "g"), (0, "h")]]
for n in range(0, 10):
    print("nlargest", n, nlargest(n, items), "nsmallest", n, nsmallest(n, items))
    print("  iter", nlargest(n, iter(items)), nsmallest(n, iter(items)))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(nlargest(3, words, key=len), nsmallest(3, words, key=len))
print(nlargest(4, iter(words), key=len), nsmallest(4, iter(words), key=len))
print(nlargest(1, words, key=len), nsmallest(1, [], key=len), nlargest(2, []))
print(nsmallest(5, range(20, 0, -3)), nlargest(5, (x * x % 17 for x in range(30))))

# Heap with a comparison counter: the number of comparisons matches CPython's algorithm.
count = [0]


class Counted:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        count[0] += 1
        return self.v < other.v


h = [Counted(v) for v in [5, 2, 9, 1, 7, 3, 8, 6, 4, 0]]
heapify(h)
print("heapify comparisons", count[0], [c.v for c in h])
count[0] = 0
while h:
    heappop(h)
print("pop comparisons", count[0])

# merge
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(merge([1, 3, 5], [], [2, 4], [0])))
print(list(merge()))
print(list(merge([5, 3, 1], [4, 2], reverse=True)))
print(list(merge(["b1", "a22", "c333"], ["x1", "yy22"], key=len)))
print(list(merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0])))
print(list(merge(["ccc", "bb", "a"], ["zz", "y"], key=len, reverse=True)))
g = merge(iter([1, 2]), iter([1, 3]))
print(next(g), next(g), list(g))

# errors
attempt("heappop empty", lambda: heappop([]))
attempt("heapreplace empty", lambda: heapreplace([], 1))
attempt("heappush tuple", lambda: heappush((), 1))
attempt("heapify dict", lambda: heapify({}))
attempt("mixed types", lambda: heapify([1, "a", 2]))

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, 4, 4))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 5.0)
print(b, [type(v).__name__ for v in b])
recs = [("ann", 3), ("bob", 5), ("cat", 5), ("dan", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 5), key=lambda r: r[1])
bisect.insort_left(recs, ("fay", 5), key=lambda r: r[1])
print(recs)
attempt("negative lo", lambda: bisect.bisect_left(a, 1, -1))
attempt("insort negative lo", lambda: bisect.insort(a, 1, -2))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
print(heapq.__name__, bisect.__name__, sorted(heapq.__all__))
