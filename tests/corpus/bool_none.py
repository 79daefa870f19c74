# Checks bool arithmetic and identity, bool as int subclass, None semantics and NoneType behaviour.
print(True + True, True * 10, True - False, True / 2, -True, True ** 2, True // 1)
print(sum([True, True, False, True]), True == 1, False == 0, True > False)
print(type(True + True).__name__, type(True and True).__name__, isinstance(True, int))
print(str(True), repr(False), int(True), float(False), bool("False"), bool(""), bool(0.0))
print(True & True, True | False, True ^ True, ~1, ~0)
print([1, 2, 3][True], "ab"[False], {True: "t", 1: "one"})
print(True.__class__.__name__, bool.__bases__[0].__name__, bool(), bool(None))
print(None, repr(None), str(None), type(None).__name__, None is None, None == None, None != 0)
print(None == False, not None, bool(None), [None] * 2, (None,))
def no_return():
    pass
def bare_return():
    return
print(no_return(), bare_return(), no_return() is None)
x = None
print("default" if x is None else x)
print(hash(None) == hash(None), {None: 1}[None])
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing = None
    nothing[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool.__new__(bool, 1) and type(True)(5)
    class Sub(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(True if [] else False, True if [[]] else False)
print(max(True, 2), min(False, -1), sorted([True, False, 0, 1, -1]))
print(divmod(True, True), True << 3, abs(-True), round(True))
print(True.real, True.imag, True.bit_length(), (True).numerator)
