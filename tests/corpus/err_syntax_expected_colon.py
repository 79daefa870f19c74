# Fails: SyntaxError for a missing colon after an if condition; nothing runs.
print("this must not print")

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    return "positive"

numbers = [-1, 0, 1]
for n in numbers:
    print(n, classify(n))

x = 3
if x > 2
    print("big")
else:
    print("small")

print("unreachable")
