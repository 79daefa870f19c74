# Fails: ValueError "invalid literal for int() with base 10: 'x'".
print(int("42"), int("-7"), int(" 8 "), int("ff", 16))

def parse_all(tokens):
    out = []
    for token in tokens:
        n = int(token)
        print("parsed", n)
        out.append(n)
    return out

print(parse_all(["1", "2"]))
try:
    int("3.5")
except ValueError as e:
    print("caught:", e)
try:
    int("")
except ValueError as e:
    print("caught:", e)
parse_all(["1", "22", "x"])
