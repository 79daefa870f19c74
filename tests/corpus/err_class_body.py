# Fails: exception raised while executing a class body (traceback shows the class frame).
print("defining classes")

class Fine:
    x = 1
    y = x + 1
    def total(self):
        return self.x + self.y

print(Fine().total())

class AlsoFine(Fine):
    z = [1, 2, 3]
    def total(self):
        return super().total() + sum(self.z)

print(AlsoFine().total())

class Broken:
    x = 1
    print("inside Broken body, x =", x)
    y = x + "one"
print("never")
