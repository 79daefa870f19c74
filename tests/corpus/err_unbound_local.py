# Fails: UnboundLocalError "cannot access local variable 'x' where it is not associated with a value".
x = 10

def read_global():
    return x + 1

def uses_global():
    global x
    x = x + 1
    return x

def increment():
    print("incrementing")
    x = x + 1
    return x

print(read_global())
print(uses_global(), x)
try:
    increment()
except UnboundLocalError as e:
    print("caught:", e)
increment()
