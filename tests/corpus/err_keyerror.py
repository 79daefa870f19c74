# Fails: uncaught KeyError with a quoted key in the final line.
inventory = {"apples": 3, "pears": 5}
for fruit in ["apples", "pears"]:
    print(fruit, inventory[fruit])

print(inventory.get("bananas"), inventory.get("bananas", 0))
inventory.setdefault("plums", 0)
print(inventory)

def restock(inv, item, n):
    inv[item] = inv.get(item, 0) + n
    return inv[item]

print(restock(inventory, "pears", 2), restock(inventory, "kiwis", 4))
try:
    inventory["mangos"]
except KeyError as e:
    print("caught:", e)

del inventory["plums"]
print(sorted(inventory.items()))
print(inventory["bananas"])
