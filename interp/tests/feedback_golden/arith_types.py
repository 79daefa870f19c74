# dump: scale, combine
def scale(x, k):
    return x * k


def combine(a, b):
    if a < b:
        return a + b
    return a - b


for i in range(5):
    scale(i, 2)
scale(2.5, 2.0)
scale(2**40, 2**40)
scale("ab", 3)
for i in range(3):
    combine(i, 2)
combine(1.5, 0.5)
