# Fails: SyntaxError for 'return' outside a function; nothing runs.
print("this must not print")

def inside(values):
    for v in values:
        if v > 1:
            return v
    return None

print(inside([0, 1, 2]))

class C:
    def method(self):
        return "fine here"

for i in range(3):
    if i == 1:
        return i

print("unreachable")
