# Fails: SyntaxError for an invalid assignment target (literal on the left); nothing runs, not even the first print.
print("this must not print")

def helper(a, b=2):
    return a * b

class Holder:
    value = 1

    def get(self):
        return self.value

x = 5
y = helper(x)
total = x + y
print(total, Holder().get())
1 = x
print("unreachable", total)

def after():
    return "also never compiled into a running program"
