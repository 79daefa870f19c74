# Checks __exit__ suppression rules: truthy return suppresses, falsy propagates, selective suppression by type.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            self.caught = ev
            return True
        return None

with Suppress(KeyError):
    {}["missing"]
print("after 1")

with Suppress(KeyError, IndexError) as s:
    [][5]
print("after 2, caught:", repr(s.caught))

try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)

class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    raise RuntimeError("gone")
print("after truthy")

class Zero:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return 0
try:
    with Zero():
        raise RuntimeError("kept")
except RuntimeError as e:
    print("kept:", e)

def func():
    with Suppress(ZeroDivisionError):
        1 / 0
        return "not reached"
    return "after with in func"
print(func())

count = 0
for i in range(5):
    with Suppress(ValueError):
        if i % 2:
            raise ValueError(i)
        count += 1
print("count", count)

with Suppress(Exception):
    with Suppress(KeyError):
        raise TypeError("outer handles")
print("done")
