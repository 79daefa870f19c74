# Checks default argument values: evaluation time, override, None sentinel, mutable default sharing.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
print(greet("Di", punct="."))
print(greet(greeting="Hey", name="Ed"))

counter = 10
def snapshot(x=counter):
    return x
counter = 20
print(snapshot(), counter)

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def append_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_safe(1))
print(append_safe(2))

def many(a, b=2, c=3, d=4):
    return (a, b, c, d)

print(many(1))
print(many(1, 20))
print(many(1, d=40))
print(many(1, 2, c=30, d=40))
print(many.__defaults__)
print(greet.__defaults__)

def compute_default(x, y=len("abc") * 2):
    return x + y
print(compute_default(1))

def tuple_default(t=(1, 2, 3)):
    return sum(t)
print(tuple_default(), tuple_default((10,)))

def none_default(x=None):
    return "none" if x is None else repr(x)
print(none_default(), none_default(0), none_default(""))
