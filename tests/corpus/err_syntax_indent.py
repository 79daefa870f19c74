# Fails: IndentationError (unexpected indent); nothing runs.
print("this must not print")

def ok():
    a = 1
    b = 2
    return a + b

class K:
    def m(self):
        return ok()

print(K().m())

def f():
    x = 1
      y = 2
    return x + y

print(f())
