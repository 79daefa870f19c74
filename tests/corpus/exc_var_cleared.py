# Checks that the 'except ... as name' variable is deleted after the handler, and shadowing behaviour.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

def f():
    err = 1
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(f())

def g():
    try:
        raise KeyError("kept")
    except KeyError as exc:
        saved = exc
    return repr(saved)
print(g())

x = 0
for i in range(3):
    try:
        if i == 1:
            raise IndexError(i)
    except IndexError as problem:
        x = problem.args[0]
print(x, "problem" in dir())
