# Checks zero-argument super() in methods, classmethods, __init__ chains and cooperative multiple inheritance.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"

class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.log.append("Left")
    def hello(self):
        return "Left>" + super().hello()

class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.log.append("Right")
    def hello(self):
        return "Right>" + super().hello()

class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
        self.log.append("Child")
    def hello(self):
        return "Child>" + super().hello()
    @classmethod
    def create(cls):
        return "Child:" + super().create()

c = Child()
print(c.log)
print(c.hello())
print(Child.create())

class Cooperative:
    def __init__(self, **kw):
        self.extra = kw

class Named(Cooperative):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)

class Aged(Cooperative):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)

class Person(Named, Aged):
    pass

p = Person(name="Ann", age=30, city="Oslo")
print(p.name, p.age, p.extra)

class Stringy(str):
    def upper(self):
        return "<" + super().upper() + ">"
print(Stringy("abc").upper())

class MyList(list):
    def append(self, x):
        super().append(x * 10)
ml = MyList([1])
ml.append(2)
print(ml, len(ml))

class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
md = MyDict(a=1)
print(md["A"])
