# dump: repeat
def repeat(a, b):
    return a * b


# A list times an int has no specialized form: after 64 fruitless looks the site
# settles, and the str seen afterwards is not recorded.
for i in range(100):
    repeat([i], 2)
repeat("ab", 3)
