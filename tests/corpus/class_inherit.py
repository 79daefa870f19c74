# Checks single inheritance: overriding, extending via super(), attribute lookup through bases.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak().lower() + "!"
    def describe(self):
        return super().describe() + f" (age {self.age})"

class Cat(Animal):
    kind = "cat"

for a in [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")]:
    print(a.describe())

print(issubclass(Puppy, Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy))
print(isinstance(Puppy("x", 2), Animal), isinstance(Cat("c"), Dog))
print(Puppy.__bases__[0].__name__, Dog.__bases__[0].__name__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.kind, Cat.speak is Animal.speak, Dog.speak is Animal.speak)

class Base:
    def template(self):
        return self.step1() + "-" + self.step2()
    def step1(self):
        return "base1"
    def step2(self):
        return "base2"

class Derived(Base):
    def step2(self):
        return "derived2"

print(Derived().template())
print(Base().template())

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")

class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

print(Sq(4).area())
try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(Dog.__subclasses__()[0].__name__)
