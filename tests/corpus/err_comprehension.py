# Fails: TypeError raised inside a list comprehension nested in a function.
def lengths(items):
    return [len(x) for x in items]

def squares(n):
    return {i: i * i for i in range(n)}

print(lengths(["a", "bb"]))
print(squares(5))
print(sorted({len(w) for w in ["x", "yy", "zz", "www"]}))
print(list(x * 2 for x in range(4)))

try:
    lengths([1])
except TypeError as e:
    print("caught:", e)

nested = [[c.upper() for c in word] for word in ["ab", "cd"]]
print(nested)
print(lengths(["ccc", 42, "d"]))
print("never printed")
