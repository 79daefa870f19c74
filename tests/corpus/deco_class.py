# Checks class decorators and decorators applied to methods that need self.
def add_greeting(cls):
    def greet(self):
        return f"Hello from {type(self).__name__}"
    cls.greet = greet
    cls.decorated = True
    return cls

@add_greeting
class Person:
    def __init__(self, name):
        self.name = name

p = Person("Ann")
print(p.greet(), Person.decorated)

registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco

@register("circle")
class Circle:
    def area(self):
        return 3

@register("square")
class Square:
    def area(self):
        return 4

for key in registry:
    print(key, registry[key].__name__, registry[key]().area())

def log_method(fn):
    def wrapper(self, *args):
        print(f"call {type(self).__name__}.{fn.__name__}{args}")
        return fn(self, *args)
    return wrapper

class Account:
    def __init__(self):
        self.balance = 0
    @log_method
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    @log_method
    def withdraw(self, amount):
        self.balance -= amount
        return self.balance

a = Account()
print(a.deposit(100))
print(a.withdraw(30))

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        self.v = v

c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v, c2.v)
