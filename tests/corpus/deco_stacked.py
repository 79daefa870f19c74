# Checks stacked decorators: application order (bottom-up) and call order (top-down).
def deco(label):
    print("creating", label)
    def apply(fn):
        print("applying", label, "to", fn.__name__)
        def wrapper(*args):
            print("before", label)
            r = fn(*args)
            print("after", label)
            return f"{label}({r})"
        wrapper.__name__ = fn.__name__
        return wrapper
    return apply

@deco("A")
@deco("B")
@deco("C")
def base(x):
    print("in base", x)
    return x

print(base(7))

def bold(fn):
    return lambda: "<b>" + fn() + "</b>"

def italic(fn):
    return lambda: "<i>" + fn() + "</i>"

@bold
@italic
def text1():
    return "t"

@italic
@bold
def text2():
    return "t"

print(text1())
print(text2())

class Thing:
    @staticmethod
    @deco("S")
    def s(v):
        return v * 2

    @classmethod
    @deco("K")
    def k(cls, v):
        return cls.__name__ + str(v)

print(Thing.s(4))
print(Thing().k(5))
