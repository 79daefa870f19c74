# Checks slice assignment: growing, shrinking, inserting, extended slices (step) and size-mismatch errors.
L = list(range(10))
L[2:5] = ["a", "b", "c"]
print(L)
L[2:5] = []
print(L)
L[1:1] = ["ins1", "ins2"]
print(L)
L[:2] = [100]
print(L)
L[-2:] = "XY"
print(L)
L[:] = range(5)
print(L)
L[len(L):] = [5, 6]
print(L)
L[::2] = ["e0", "e2", "e4", "e6"]
print(L)
L[::-3] = [None, None, None]
print(L)
try:
    L[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    L[1:3] = 5
except TypeError as e:
    print(type(e).__name__, e)
M = [1, 2, 3]
alias = M
M[:] = [7, 8]
print(M, alias, M is alias)
M[5:10] = [9]
print(M)
M[-100:0] = ["front"]
print(M)
N = [0] * 6
N[1:5:2] = (x * 11 for x in range(1, 3))
print(N)
N[4:1:-1] = "abc"
print(N)
s = [1, 2, 3, 4]
s[1:3] = s
print(s)
try:
    t = (1, 2, 3)
    t[0:1] = [0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    st = "abc"
    st[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(b"hello")
ba[0:1] = b"J"
ba[1::2] = b"EL"
print(ba)
