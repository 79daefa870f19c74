# Checks that very deep recursion (100000 levels requested) raises RecursionError, which can be caught and the program continues.
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)

try:
    down(100000)
    print("no error?")
except RecursionError as e:
    print(type(e).__name__)

print(down(100))

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print(type(e).__name__)

class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print(type(e).__name__)

print(issubclass(RecursionError, RuntimeError))
try:
    down(100000)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
print(down(500))
