# Two-part slices load and store through GetSlice / SetSlice (absent bounds are None);
# a slice with a step, augmented assignment and del still build a slice object.
def f(s, i, j):
    a = s[i:j]
    b = s[:j]
    c = s[i + 1:]
    s[:] = a
    s[i:j] = b
    d = s[i:j:2]
    s[i:j] += c
    del s[i:]
    return d
