# Checks if/elif/else chains, ternary expressions, and/or short-circuit returning operand values, not.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 50)])

print(0 or "default", "" or [] or None, 1 or 2, None or 0)
print(1 and 2, 0 and 2, "a" and "", [] and 1 / 0)
print(not 1, not 0, not [], not [0], not None)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (1 or 2) and 3)

def side(label, value):
    print("  eval", label)
    return value
print(side("a", 0) and side("b", 1))
print(side("a", 1) or side("b", 1))
print(side("a", 1) and side("b", 0) or side("c", "c-result"))

x = 7
print("odd" if x % 2 else "even", "big" if x > 100 else "mid" if x > 5 else "small")
print(None is None, None is not None, None == None)
empty = []
if not empty:
    print("empty list is falsy")
if empty is not None:
    print("but not None")

grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])

val = 0
if val:
    print("never")
elif val == 0:
    print("zero branch")

flag = True
result = flag and "yes" or "no"
print(result)
nested_if = []
for i in range(6):
    if i % 2 == 0:
        if i % 3 == 0:
            nested_if.append("six")
        else:
            nested_if.append("two")
    elif i % 3 == 0:
        nested_if.append("three")
    else:
        nested_if.append("-")
print(nested_if)
print(True + (not False), (1 == 1) * 5)
