# Fails: TypeError "unsupported operand type(s) for +: 'int' and 'str'".
count = 5
label = " items"
print(str(count) + label)
print(f"{count}{label}")
print("%d%s" % (count, label))

def add(a, b):
    return a + b

print(add(1, 2), add("a", "b"), add([1], [2]))
for pair in [(1, "x"), ("x", 1), ([1], (2,))]:
    try:
        add(*pair)
    except TypeError as e:
        print("caught:", e)

print("about to add")
print(count + label)
print("never printed")
