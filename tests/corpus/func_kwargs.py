# Checks keyword arguments and **kwargs collection, ordering and forwarding.
def f(a, b, c):
    return a * 100 + b * 10 + c

print(f(1, 2, 3))
print(f(c=3, b=2, a=1))
print(f(1, c=3, b=2))

def collect(**kwargs):
    return kwargs

print(collect())
print(collect(x=1, y=2))
d = collect(z=26, a=1, m=13)
print(list(d.keys()))
print(sorted(d.items()))

def mixed(a, b=5, **rest):
    return a, b, rest

print(mixed(1))
print(mixed(1, 2, c=3))
print(mixed(a=9, extra="yes"))
print(mixed(1, b=7, z=0, y=1))

def forward(**kw):
    return collect(**kw)

print(forward(p=1, q=2))

def kw_names(**kw):
    for k, v in kw.items():
        print(" ", k, "=", v)

kw_names(first=1, second="two", third=[3])
opts = {"sep": "-", "end": "|\n"}
print("a", "b", "c", **opts)

def count_kw(*args, **kwargs):
    return len(args), len(kwargs)

print(count_kw(1, 2, x=3))
print(count_kw(**{"a": 1, "b": 2, "c": 3}))
print(count_kw(*range(5)))

def defaults_and_kw(x, *, scale=1, offset=0):
    return x * scale + offset

print(defaults_and_kw(5))
print(defaults_and_kw(5, scale=3))
print(defaults_and_kw(5, offset=-1, scale=2))
