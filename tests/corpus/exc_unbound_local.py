# Checks UnboundLocalError for locals referenced before assignment, and after del.
x = 10

def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x
print(f())

def g():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(g())

def h(flag):
    if flag:
        z = "set"
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(h(True))
print(h(False))

def counter():
    try:
        x += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
counter()

def closure():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 3
    return inner()
print(closure())

print(issubclass(UnboundLocalError, NameError))
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e)
