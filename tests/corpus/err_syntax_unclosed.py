# Fails: SyntaxError for an unclosed parenthesis; nothing runs, not even the first print.
print("this must not print")

def total(xs):
    return sum(xs)

pairs = [
    (1, 2),
    (3, 4),
]
print(total(a + b for a, b in pairs))

values = (1, 2, 3
total_value = total(values)
print(total_value)

def later():
    return "never"

print(later())
print("end of file")
