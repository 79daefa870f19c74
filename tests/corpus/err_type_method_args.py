# Fails: TypeError from calling a method with a wrong argument count via a bound method, after output.
class Greeter:
    def __init__(self, greeting="hi"):
        self.greeting = greeting

    def greet(self, name):
        return self.greeting + " " + name

    @staticmethod
    def shout(text):
        return text.upper() + "!"

g = Greeter()
print(g.greet("ann"))
print(Greeter("hello").greet("bob"))
print(Greeter.shout("hey"), g.shout("you"))
print(Greeter.greet(g, "cy"))
try:
    Greeter.shout()
except TypeError as e:
    print("caught:", e)
print(g.greet())
