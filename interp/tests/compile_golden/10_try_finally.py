# try/finally: the finally body is inlined on every way out.
def f(xs):
    for x in xs:
        try:
            if x == 1:
                break
            if x == 2:
                continue
            if x == 3:
                return x
        finally:
            cleanup(x)
    return None

def g():
    try:
        return compute()
    finally:
        print("done")

def h():
    try:
        work()
    except E:
        handle()
    finally:
        done()
