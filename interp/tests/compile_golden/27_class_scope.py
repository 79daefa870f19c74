# Class bodies: namespace lookups, comprehensions can't see class names,
# free variables of methods and of the class itself.
def outer():
    shared = 1
    both = 2
    class Inner:
        a = shared              # LoadClassDeref: the namespace, then outer's cell
        b = [a for _ in range(2)]   # `a` here is global: class names are invisible
        c = both                # LoadName: `both` is assigned in this class body...
        both = 3
        def m(self):
            return both         # ...but the method sees outer's `both` (passed through)
    return Inner
