# Fails: TypeError "f() takes 2 positional arguments but 3 were given".
def f(a, b):
    return a * b

def flexible(a, b, *rest):
    return a * b + sum(rest)

print(f(2, 3))
print(flexible(2, 3), flexible(2, 3, 4, 5))
print(f("ab", 2), f(b=[0], a=2))
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("caught:", e)
try:
    f(1, 2, c=3)
except TypeError as e:
    print("caught:", e)
values = [1, 2, 3]
print(flexible(*values))
print(f(*values))
print("never printed")
