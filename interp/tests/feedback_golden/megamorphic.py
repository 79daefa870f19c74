# dump: describe, length
def describe(x):
    return x.__class__


def length(x):
    return len(x)


for v in [1, "s", 2.0, [1], (1,), {1: 2}, None]:
    describe(v)
for v in ["ab", [1, 2, 3], (4,), {5: 6}, {7}, range(3)]:
    length(v)
