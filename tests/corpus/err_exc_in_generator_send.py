# Fails: exception thrown into a generator with throw() that it does not handle propagates with generator frames.
def worker():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print("worker ignored ValueError:", e)
            continue
        total += value

w = worker()
next(w)
print(w.send(5))
print(w.send(7))
w.throw(ValueError("recoverable"))
print(w.send(1))
print("injecting KeyError")
w.throw(KeyError("injected"))
print("never printed")
