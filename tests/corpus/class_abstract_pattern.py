# Checks template-method and abstract-style patterns without the abc module, plus polymorphic dispatch through a base list.
class Shape:
    name = "shape"
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area not implemented")
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Rect(Shape):
    name = "rect"
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    name = "square"
    def __init__(self, s):
        super().__init__(s, s)

class Circle(Shape):
    name = "circle"
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

class Blob(Shape):
    pass

shapes = [Rect(2, 5), Square(3), Circle(1), Circle(2)]
for s in shapes:
    print(s.describe())
print([s.name for s in sorted(shapes)])
print(max(shapes).name, min(shapes).name)
try:
    Blob().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
st = Stack().push(1).push(2).push(3)
print(st, len(st), st.pop(), st)
try:
    Stack().pop()
except IndexError as e:
    print(type(e).__name__, e)

class Animal:
    sound = None
    def speak(self):
        return f"{type(self).__name__} says {self.sound or '...'}"
class Dog(Animal):
    sound = "woof"
class Fish(Animal):
    pass
print([a.speak() for a in (Dog(), Fish(), Animal())])
print(isinstance(Square(1), Rect), isinstance(Square(1), Circle), issubclass(Square, Shape))
