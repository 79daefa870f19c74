# Fails: NameError for an undefined name used inside a function.
def compute(a):
    result = a * 2
    return undefined_total + 1

def compute_ok(a):
    result = a * 2
    return result + 1

print("compute defined")
print(compute_ok(5))
try:
    print(also_undefined)
except NameError as e:
    print("caught:", e)

names = ["compute", "compute_ok", "nope"]
print([n in globals() for n in names])
del names
try:
    names
except NameError as e:
    print("caught after del:", e)
print(compute(5))
