# Checks generator expressions: laziness, single-use, scoping, as sole call argument, nested ones.
nums = [1, 2, 3, 4, 5, 6]
ge = (n * n for n in nums if n % 2 == 0)
print(type(ge).__name__)
print(list(ge))
print(list(ge))

print(sum(n for n in range(101)))
print(max(len(w) for w in ["a", "abcd", "ab"]))
print("-".join(str(i) for i in range(5)))
print(any(x > 5 for x in nums), all(x > 0 for x in nums))
print(sorted((x % 3, x) for x in nums))

def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
lazy = (x * 10 for x in noisy(3))
print("nothing produced yet")
print(next(lazy))
print(next(lazy))

pairs = list((a, b) for a in range(3) for b in range(a))
print(pairs)

matrix = [[1, 2], [3, 4], [5, 6]]
print(list(x for row in matrix for x in row if x != 4))
nested = ((y for y in range(x)) for x in range(4))
print([list(g) for g in nested])

x = "outer"
res = list(x for x in "abc")
print(res, x)

data = [3, 1, 2]
g = (d for d in data)
data.append(100)
print(list(g))
data2 = [1, 2]
g2 = (d for d in data2)
data2 = [9, 9]
print(list(g2))
print(tuple(i for i in range(4)), set(i % 2 for i in range(10)))
print(dict((k, k * k) for k in range(4)))
