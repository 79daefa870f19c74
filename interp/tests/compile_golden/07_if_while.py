# if/elif/else chains and while loops (the test is duplicated at the loop bottom).
def f(n):
    if n < 0:
        r = "neg"
    elif n == 0:
        r = "zero"
    else:
        r = "pos"
    i = 0
    while i < n:
        if i == 5:
            break
        if i % 2:
            i += 1
            continue
        i += 1
    else:
        r = r + "!"
    while True:
        n -= 1
        if not n:
            break
    while a() and not b():
        pass
    return r
