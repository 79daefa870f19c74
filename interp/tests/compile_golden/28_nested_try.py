# Nested exception handling: handlers inside finally, return in finally,
# break out of an except body inside a loop.
def f(xs):
    for x in xs:
        try:
            risky(x)
        except KeyError as e:
            if e:
                break
            continue
    try:
        try:
            a()
        finally:
            b()
    except E:
        pass
    try:
        return 1
    finally:
        return 2
