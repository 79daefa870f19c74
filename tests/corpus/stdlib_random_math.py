import random, math, sys, time, operator, itertools, string
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice([1,2,3]))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.uniform(1, 2), random.gauss(0, 1))
print(math.sqrt(2), math.pi, math.gcd(12, 18), math.factorial(20), math.isqrt(10**20))
print(sys.version_info[:2], sys.maxsize, operator.add(1, 2), list(itertools.permutations([1,2,3], 2))[:3])
print(string.ascii_letters)
