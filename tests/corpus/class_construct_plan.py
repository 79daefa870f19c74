# Class calls through the general construction path (a __new__ of its own, native
# classes): the memoized plan must follow every change to __new__ and __init__.


class Base:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.made_by = "Base.__new__"
        return inst


class Child(Base):
    def __init__(self, x):
        self.x = x


def show(o):
    print(type(o).__name__, sorted(vars(o).items()))


for i in range(3):
    show(Child(i))

# Replace __init__ on the class after warm-up.
def init2(self, x):
    self.y = x * 10

Child.__init__ = init2
show(Child(4))

# Remove it: Base has none, so object.__init__ runs and is skipped.
del Child.__init__
show(Child())

# __new__ on the base replaced: the subclass follows.
def other_new(cls, *args):
    inst = object.__new__(cls)
    inst.made_by = "other_new"
    return inst

Base.__new__ = other_new
show(Child())


# __new__ returning an instance of another class: __init__ is not run.
class Elsewhere:
    pass


class Redirect:
    def __new__(cls, flag):
        if flag:
            return Elsewhere()
        return object.__new__(cls)

    def __init__(self, flag):
        self.inited = True


for flag in (False, True, False):
    show(Redirect(flag))


# __new__ returning an instance of a subclass: the subclass's __init__ runs.
class Parent:
    def __new__(cls, kind):
        if kind == "sub":
            return object.__new__(Sub)
        return object.__new__(cls)

    def __init__(self, kind):
        self.init = "Parent"


class Sub(Parent):
    def __init__(self, kind):
        self.init = "Sub"


for kind in ("plain", "sub", "plain"):
    show(Parent(kind))


# __new__ that changes the class it builds (the plan must be looked up again).
class Mutating:
    def __new__(cls):
        if not hasattr(cls, "__init__") or cls.__init__ is object.__init__:
            pass
        cls.__init__ = lambda self: setattr(self, "late", True)
        return object.__new__(cls)


show(Mutating())
show(Mutating())


# Native classes called many times, then shadowed.
total = 0
for i in range(200):
    total += len(range(i)) + len(list(range(i % 5))) + int(str(i))
print(total)


class MyList(list):
    pass

for i in range(3):
    m = MyList(range(i))
    print(m, type(m).__name__)

def list_init(self, *args):
    list.__init__(self, *args)
    self.append("extra")

MyList.__init__ = list_init
print(MyList(range(2)))


# __init__ returning a value is still an error.
class Bad:
    def __new__(cls):
        return object.__new__(cls)

    def __init__(self):
        return 5

try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
