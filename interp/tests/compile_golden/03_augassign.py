# Augmented assignment: the target's container and key are evaluated once.
counter = 0
counter += 1

def f(n, obj, seq, i):
    n += 1
    n *= g()
    obj.count += n
    seq[i] -= 1
    seq[1:i] += [n]
    return n

class C:
    total = 0
    total += 5
