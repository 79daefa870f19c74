# Fails: lots of stdout before an uncaught error; stdout content and stderr traceback must both be complete.
for i in range(50):
    print("line", i, "x" * (i % 7))

table = {}
for word in "alpha beta gamma delta epsilon".split():
    table[word] = len(word)
print(table)
print(sorted(table, key=table.get))

def summarize(t):
    total = sum(t.values())
    return f"{len(t)} words, {total} letters"

print(summarize(table))
print("partial line without newline", end="")
data = {"nested": {"deeper": None}}
print(data["nested"])
print(data["nested"]["deeper"]["deepest"])
print("never printed")
