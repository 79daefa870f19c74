# Checks truthiness: __bool__, __len__ fallback, default truthy objects, bool() of builtins, __bool__ errors.
class T:
    def __bool__(self):
        print("  __bool__ called")
        return False

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0

class Plain:
    pass

print(bool(T()), bool(L(0)), bool(L(3)), bool(Both()), bool(Plain()))
if not T():
    print("T is falsy")
print("yes" if L(2) else "no")
print(T() or "fallback")
print(L(5) and "second")
x = L(0)
while x:
    print("never")
print([bool(v) for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1), b"", 0j]])

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
try:
    if BadBool():
        pass
except TypeError as e:
    print(type(e).__name__, e)

print(not Plain(), not L(0))
print(any([L(0), L(0)]), all([L(1), Both()]))
print(len([x for x in [L(0), L(1), T(), Plain()] if x]))
print(True is bool(1), False is bool(0))
print(bool.__name__, int(True), isinstance(True, int))
