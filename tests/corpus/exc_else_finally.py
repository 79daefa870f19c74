# Checks try/except/else/finally in all combinations and their execution order.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log

print(run(False))
print(run(True))

def try_finally(fail):
    log = []
    try:
        try:
            log.append("try")
            if fail:
                raise KeyError("k")
        finally:
            log.append("finally")
    except KeyError:
        log.append("outer except")
    return log
print(try_finally(False))
print(try_finally(True))

def try_else_no_except():
    try:
        x = 1
    except Exception:
        pass
    else:
        x += 1
    return x
print(try_else_no_except())

def else_raises():
    try:
        try:
            pass
        except ValueError:
            print("never")
        else:
            raise ValueError("from else")
        finally:
            print("finally runs after else raised")
    except ValueError as e:
        print("caught:", e)
else_raises()

def except_raises():
    try:
        try:
            raise TypeError("first")
        except TypeError:
            raise ValueError("second")
        finally:
            print("finally with pending ValueError")
    except ValueError as e:
        print("caught:", e, "| context:", e.__context__)
except_raises()

def finally_raises():
    try:
        try:
            raise TypeError("original")
        finally:
            raise KeyError("replacement")
    except KeyError as e:
        print("caught replacement", e, "context", repr(e.__context__))
    except TypeError:
        print("never")
finally_raises()

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
