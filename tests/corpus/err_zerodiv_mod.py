# Fails: ZeroDivisionError "integer modulo by zero" from %.
n = 17
print(n % 5, -n % 5, n % -5)

def is_multiple(a, b):
    return a % b == 0

print([m for m in range(1, 18) if is_multiple(n, m)])
try:
    is_multiple(4, 0)
except ZeroDivisionError as e:
    print("caught:", e)

print("%d%%" % 50)
print(10 % 3, 10.5 % 3)
print(pow(3, 4, 5), divmod(17, 5))
print(sum(i % 3 for i in range(10)))
for m in [5, 3, 0]:
    print(n, "%", m, "=", n % m)
print("never printed")
