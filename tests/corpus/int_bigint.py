# Checks arbitrary-precision integers: powers, factorial, multiplication, division, negative big numbers, str/int round-trip.
print(2 ** 200)
print(-(2 ** 100), (-2) ** 101)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), f % 1000003, f // 10 ** 60)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a - b)
print(a * b)
print(b // a, b % a, divmod(b, a))
print(-b // a, -b % a, b // -a, b % -a)
print(a * b // b == a, (a * b) % a)
print(2 ** 64 - 1, 2 ** 64, 2 ** 63 - 1 + 1, -(2 ** 63) - 1)
print(int(str(2 ** 300)) == 2 ** 300, hex(2 ** 100), bin(2 ** 70), oct(2 ** 65))
print(pow(3, 100), pow(2, 1000) % 10 ** 20, pow(12345, 6789, 1000000007))
print(10 ** 30 / 10 ** 10, 2 ** 100 / 2, (2 ** 100) >> 90, 1 << 100)
print(abs(-10 ** 40), -10 ** 40 < -10 ** 39, max(2 ** 70, 2 ** 69), sum([2 ** 62] * 8))
n = 2 ** 64
print(n == 18446744073709551616, n != n + 1, n > 2 ** 63, hash(n) == hash(n))
x = 1
for _ in range(100):
    x = x * 3 + 1
print(x)
print(int("9" * 50) + 1)
print((2 ** 127 - 1) % 1000000, (2 ** 89 - 1) & 0xFFFF, (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(~(2 ** 80), -(2 ** 80) >> 3, (-(2 ** 80)) & 0xFF)
fib = [0, 1]
while len(fib) < 150:
    fib.append(fib[-1] + fib[-2])
print(fib[-1])
print(7 ** 77 // 7 ** 75, 10 ** 18 * 10 ** 18, round(10 ** 25 / 3))
