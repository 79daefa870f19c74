# `is None` tests feeding branches use JumpIfNone/JumpIfNotNone; constants fold.
def f(a, b):
    if a is None:
        return 1
    if b is not None and a:
        return 2
    if None is a:
        return 3
    while a is not None:
        a = a.next
    if True:
        return 4
    return 5
