# Fails: IndexError "list index out of range" inside a loop that runs one step too far.
items = [10, 20, 30]
print(items[0], items[-1], items[1:])
print(items[5:], items[-100:1])

def safe_get(seq, i, default=None):
    try:
        return seq[i]
    except IndexError:
        return default

print(safe_get(items, 1), safe_get(items, 7, "none"))
try:
    "abc"[3]
except IndexError as e:
    print("caught:", e)

i = 0
while True:
    print("item", items[i])
    i += 1
