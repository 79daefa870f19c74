# Checks in-place operators (__iadd__ etc.), fallback to binary op, and aliasing effects on lists vs tuples.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("  __iadd__", x)
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self

a = Acc()
alias = a
a += 1
a += 2
print(a.items, alias is a)
a -= 1
print(a.items)
a *= 3
print(a.items)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  __add__ fallback")
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 10
print(x.v, y.v, x is y)

lst = [1, 2]
lst_alias = lst
lst += [3]
print(lst, lst_alias, lst is lst_alias)
lst = lst + [4]
print(lst, lst_alias)

t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)

s = "ab"
s += "cd"
s *= 2
print(s)

n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
n |= 1; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 7
f /= 2; print(f)

d = {"k": [1]}
d["k"] += [2]
print(d)
class Box:
    val = 1
b = Box()
b.val += 1
print(b.val, Box.val)
try:
    tup = ([1],)
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
    print(tup)
