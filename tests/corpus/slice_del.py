# Checks del with slices, indexes and extended slices on lists and bytearrays, plus errors.
L = list(range(12))
del L[0]
print(L)
del L[-1]
print(L)
del L[2:4]
print(L)
del L[::3]
print(L)
del L[::-2]
print(L)
del L[100:]
print(L)
del L[:]
print(L, len(L))
M = list("abcdefgh")
del M[1:7:2]
print(M)
del M[5:1:-1]
print(M)
try:
    del M[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t = (1, 2)
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "abc"
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(b"abcdef")
del ba[::2]
print(ba)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
nested = [[1, 2, 3], [4, 5, 6]]
del nested[0][1:]
del nested[1][0]
print(nested)
N = list(range(6))
del N[-2:], N[0]
print(N)
