# Checks __getattr__ (fallback only), __getattribute__ override, and AttributeError interplay with getattr/hasattr.
class Proxy:
    def __init__(self, target):
        self._target = target
        self.log = []
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.log)
print(p.count(1), p.log)

class Dynamic:
    existing = "real"
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")

d = Dynamic()
print(d.existing)
print(d.get_color(), d.get_size())
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(d, "other"), hasattr(d, "get_x"), getattr(d, "other", "fallback"))

class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  access", name)
        return object.__getattribute__(self, name)
lg = Logged()
print(lg.x)
lg.y = 2
print(lg.y)

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom not allowed")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
b = Both()
print(b.boom, b.anything)

class Plain:
    pass
try:
    Plain().missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Plain.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nope()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
