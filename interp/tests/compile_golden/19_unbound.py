# Definite assignment: CheckBound only where a local may be unbound.
def conditional(c):
    if c:
        x = 1
    return x            # x may be unbound: checked

def both_branches(c):
    if c:
        x = 1
    else:
        x = 2
    return x            # always bound: no check

def after_loop(xs):
    for item in xs:
        pass
    return item         # the loop may not run: checked

def deleted(v):
    w = v
    del w
    return w            # unbound after del: checked

def in_handler():
    try:
        y = compute()
    except Exception:
        return y        # the exception may come before y is bound: checked
    return y            # bound on the normal path: no check

def order(c):
    if c:
        z = 1
    return z + side_effect()   # checked before side_effect() runs

def hot_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total        # no checks anywhere
