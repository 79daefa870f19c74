# Fails: TypeError "f() missing 1 required positional argument: 'b'".
def f(a, b):
    return a + b

def g(a, b=10):
    return a + b

print(f(1, 2))
print(f(b=5, a=1))
print(g(1), g(1, 2))
args = (3, 4)
print(f(*args))
kwargs = {"a": 1, "b": 2}
print(f(**kwargs))
try:
    f()
except TypeError as e:
    print("caught:", e)
print(f(1))
print("never printed")
