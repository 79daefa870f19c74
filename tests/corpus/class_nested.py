# Checks nested classes, __qualname__, class-level scope, and methods referring to the outer class.
class Outer:
    label = "outer"
    class Inner:
        label = "inner"
        def who(self):
            return type(self).__qualname__
        class Deep:
            pass
    def make(self):
        return Outer.Inner()

print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.Inner.Deep.__qualname__)
print(Outer().make().who(), Outer.Inner().label)

def factory(base_label):
    class Local:
        label = base_label
        def show(self):
            return f"{type(self).__qualname__}:{self.label}"
    return Local

A = factory("a")
B = factory("b")
print(A().show(), B().show(), A is B)
print(A.__name__, A.__qualname__)

def method_qualnames():
    class K:
        def m(self):
            pass
        @staticmethod
        def s():
            pass
    return K.m.__qualname__, K.s.__qualname__
print(method_qualnames())

class Tree:
    class Node:
        def __init__(self, v, kids=()):
            self.v = v
            self.kids = list(kids)
        def total(self):
            return self.v + sum(k.total() for k in self.kids)
    def __init__(self):
        N = Tree.Node
        self.root = N(1, [N(2, [N(4)]), N(3)])
print(Tree().root.total())

x = "module"
class Scope:
    x = "class"
    def get(self):
        return x
    y = x + "!"
print(Scope().get(), Scope.y)
def f():
    return 1
print(f.__qualname__, Scope.get.__qualname__, (lambda: 0).__qualname__)
