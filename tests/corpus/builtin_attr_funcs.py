# Checks getattr (with default), setattr, hasattr, delattr, callable, vars() on instances and classes.
class Config:
    mode = "fast"
    def __init__(self):
        self.level = 3
    def run(self):
        return "running " + self.mode

c = Config()
print(getattr(c, "level"), getattr(c, "mode"), getattr(c, "missing", "fallback"), getattr(Config, "mode"))
print(getattr(c, "run")(), getattr("abc", "upper")(), getattr([1, 2], "__len__")())
setattr(c, "level", 10)
setattr(c, "new_attr", [1])
print(c.level, c.new_attr, vars(c))
print(hasattr(c, "level"), hasattr(c, "nope"), hasattr(Config, "run"), hasattr(5, "real"), hasattr(None, "x"))
delattr(c, "new_attr")
print(hasattr(c, "new_attr"), vars(c))
try:
    getattr(c, "absent")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "absent")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
print(callable(c.run), callable(Config), callable(c), callable(len), callable(lambda: 0), callable("str"), callable(None))
name = "mode"
print(getattr(c, name), getattr(c, "__class__").__name__)
for attr in ["upper", "lower", "title"]:
    print(attr, getattr("mIxEd", attr)())
class WithGetattr:
    def __getattr__(self, n):
        if n == "magic":
            return 42
        raise AttributeError(n)
w = WithGetattr()
print(getattr(w, "magic"), getattr(w, "other", "default"), hasattr(w, "magic"), hasattr(w, "other"))
print(sorted(k for k in vars(Config) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
