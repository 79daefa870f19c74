# Checks list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear and their errors.
L = [3, 1, 4]
L.append(1)
L.extend([5, 9])
L.extend("ab")
L.extend(range(2))
print(L)
L.insert(0, "first")
L.insert(100, "last")
L.insert(-1, "before-last")
L.insert(-100, "very-first")
print(L)
print(L.pop(), L.pop(0), L.pop(2), L)
L.remove(1)
print(L, L.index(1), L.index("a"), L.count(1), L.count("zz"))
print(L.index(1, 4), [1, 2, 1, 2].index(2, 2), [5, 6, 7].index(7, -1))
L.reverse()
print(L)
C = L.copy()
C.append("copy-only")
print(len(L), len(C), C is L, C[:-1] == L)
L.clear()
print(L, len(L))
for fn, label in [(lambda: [].pop(), "[].pop()"), (lambda: [1].pop(5), "[1].pop(5)"),
                  (lambda: [1, 2].remove(3), "remove(3)"), (lambda: [1, 2].index(3), "index(3)"),
                  (lambda: [1, 2].index(1, 1), "index(1, 1)"), (lambda: [].insert(0), "insert(0)")]:
    try:
        fn()
    except (IndexError, ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
nested = [[0] * 2] * 2
nested[0][0] = 9
print(nested)
good = [[0] * 2 for _ in range(2)]
good[0][0] = 9
print(good)
a = [1, 2]
a.append(a)
print(a, len(a))
x = [1, 2, 3]
x.extend(x)
print(x)
print(list(), list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), list(reversed([1, 2, 3])))
stack = []
for i in range(4):
    stack.append(i)
print([stack.pop() for _ in range(len(stack))])
queue = [1, 2, 3]
print(queue.pop(0), queue)
