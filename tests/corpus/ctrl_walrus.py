# Checks assignment expressions (:=) in if/while/comprehensions/calls and their scope.
data = [3, 7, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)

values = iter([5, 3, 0, 8])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)

print([y for x in data if (y := x * 2) > 6])
print(y)

def f(x):
    return x * 10
print([r for x in range(5) if (r := f(x)) % 20 == 0], r)

print((total := sum(data)), total)
print(total // (count := len(data)), count)

chunks = []
stream = iter("abcdefgh")
while chunk := "".join(c for _, c in zip(range(3), stream)):
    chunks.append(chunk)
print(chunks)

def scope_test():
    [inner := i for i in range(3)]
    return inner
print(scope_test())

if (m := "match") and m.startswith("ma"):
    print("matched", m)
print((a := 1, b := 2), a + b)
lst = [a := 10, a + 1, a + 2]
print(lst, a)
def g(x=(d := 99)):
    return x
print(g(), d)
running = 0
print([running := running + v for v in range(1, 6)], running)
