# Checks class attribute semantics: shared mutable class attrs, shadowing, lookup order, dynamic add.
class Config:
    defaults = {"debug": False}
    items = []
    level = 1

a = Config()
b = Config()
a.items.append("shared")
print(b.items, Config.items)

a.level = 5
print(a.level, b.level, Config.level)
Config.level = 9
print(a.level, b.level)

a.items = ["own"]
print(a.items, b.items)

Config.new_attr = "added later"
print(a.new_attr, b.new_attr)

def method(self):
    return "patched method on " + type(self).__name__
Config.method = method
print(a.method())

print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
print("level" in a.__dict__, "level" in b.__dict__)

class Outer:
    x = 10
    y = x * 2
    z = [i * 2 for i in range(x, x + 3)]
print(Outer.y, Outer.z)

class Cls:
    counter = 0
    def bump(self):
        self.counter += 1   # creates instance attr
        return self.counter
c = Cls()
print(c.bump(), c.bump(), Cls.counter)

print(getattr(Config, "level"), getattr(a, "missing", "default"))
setattr(Config, "level", 42)
print(b.level)
delattr(Config, "new_attr")
print(hasattr(a, "new_attr"))
try:
    b.new_attr
except AttributeError as e:
    print(type(e).__name__, e)
