# Checks global statement: reading, rebinding, creating module globals from functions.
count = 0

def increment():
    global count
    count += 1

for _ in range(5):
    increment()
print(count)

def read_only():
    return count * 2
print(read_only())

def create():
    global created_later
    created_later = "made inside function"

create()
print(created_later)

x = "global x"
def local_shadow():
    x = "local x"
    return x
print(local_shadow(), "|", x)

def nested_global():
    def inner():
        global x
        x = "changed by inner"
    inner()
nested_global()
print(x)

items = []
def add_item(v):
    items.append(v)  # mutation needs no global
add_item(1); add_item(2)
print(items)

def multi():
    global a1, a2
    a1, a2 = 10, 20
multi()
print(a1 + a2)

print("count" in globals(), "nope" in globals())
g = globals()
g["dynamic_name"] = 99
print(dynamic_name)

def uses_builtin():
    return len("abc")
len_saved = len
def len(x):
    return "shadowed"
print(uses_builtin())
del len
print(uses_builtin())
