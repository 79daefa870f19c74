# global and nonlocal declarations.
total = 0

def add(n):
    global total
    total = total + n
    del_me = 1
    return total

def make():
    value = 0
    def set_it(v):
        nonlocal value
        value = v
    def read():
        return value
    return set_it, read

class K:
    global total
    total = 5
    local = total
