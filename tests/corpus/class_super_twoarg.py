# Checks two-argument super(Type, obj): skipping classes in the MRO and using it outside methods.
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B" + super(B, self).f()
class C(A):
    def f(self):
        return "C" + super(C, self).f()
class D(B, C):
    def f(self):
        return "D" + super(D, self).f()

d = D()
print(d.f())
print(super(D, d).f())
print(super(B, d).f())
print(super(C, d).f())

class E(D):
    def f(self):
        # skip D and B entirely
        return "E" + super(B, self).f()
print(E().f())

class Meta:
    @classmethod
    def name(cls):
        return "Meta:" + cls.__name__
class Sub(Meta):
    @classmethod
    def name(cls):
        return "Sub>" + super(Sub, cls).name()
print(Sub.name())

class WithInit:
    def __init__(self, v):
        self.v = v
class Child(WithInit):
    def __init__(self, v):
        super(Child, self).__init__(v * 2)
print(Child(21).v)

s = super(B, d)
print(type(s).__name__)
print(s.f())
