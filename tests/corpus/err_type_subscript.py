# Fails: TypeError "'int' object is not subscriptable".
def first(x):
    return x[0]

print(first([9, 8]))
print(first("word"))
print(first((7,)))
print(first(range(3, 6)))
print(first({0: "zero key"}))

def safe_first(x):
    try:
        return first(x)
    except TypeError as e:
        return "error: " + str(e)

print(safe_first(None))
print(safe_first(3.5))
print(first(42))
print("never printed")
