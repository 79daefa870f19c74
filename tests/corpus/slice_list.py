# Checks list slicing: start/stop/step, negatives, out-of-range bounds, empty results, copies.
L = list(range(10))
print(L[2:5], L[:3], L[7:], L[:], L[-3:], L[:-3], L[-5:-2])
print(L[::2], L[1::2], L[::3], L[::-1], L[::-2], L[8:2:-2], L[-1:-4:-1])
print(L[5:2], L[100:], L[-100:3], L[3:100], L[:0], L[10:], L[2:2])
print(L[::-1][::-1] == L, L[:] is L, L[:] == L)
print(L[5::-1], L[:5:-1], L[-2::-3])
print(L[1:9:3], L[9:1:-3], L[0:10:20], L[-20:20])
print(L[None:None:None], L[None:4], L[4:None:-1])
E = []
print(E[1:], E[::-1], E[:-1])
step = -1
print(L[step::step])
try:
    L[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    L["a":]
except TypeError as e:
    print(type(e).__name__, e)
try:
    L[1.5]
except TypeError as e:
    print(type(e).__name__, e)
print(L[True], L[False:True])
nested = [[1, 2], [3, 4], [5, 6]]
print(nested[1:][0][::-1], nested[::-1][0])
copy = L[:]
copy[0] = "changed"
print(L[0], copy[0])
print(L[-1], L[-10])
try:
    L[-11]
except IndexError as e:
    print(type(e).__name__, e)

# Extended slices of every sign and stride, checked against a plain loop.
data = list(range(11))
for start in (None, -20, -3, 0, 2, 10, 20):
    for stop in (None, -20, -1, 0, 5, 11, 20):
        for step in (-4, -1, 1, 3):
            got = data[start:stop:step]
            idx = range(len(data))[start:stop:step]
            assert got == [data[i] for i in idx], (start, stop, step)
print("extended slices ok")

# Same-length slice assignment overwrites in place; other lengths resize.
perm = [0, 1, 2, 3, 4, 5]
perm[:4] = perm[3::-1]
print(perm)
perm[1:3] = "ab"
print(perm)
perm[1:3] = [9]
print(perm)
perm[2:2] = (7, 7)
print(perm)
perm[:] = perm
print(perm)
perm[5:1] = [8]
print(perm)
