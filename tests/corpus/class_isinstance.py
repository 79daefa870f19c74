# Checks isinstance/issubclass with single types, tuples, nested tuples, builtins and bool/int relation.
class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(b, ()))
print(isinstance(b, (C, (int, (A,)))))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, (C, A)))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance(3, (int, float)), isinstance(3.5, (int, float)), isinstance("3", (int, float)))
print(isinstance(None, type(None)), isinstance(A, type), isinstance(int, type))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), (set, frozenset)))
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(isinstance(print, object), isinstance(object, object))

try:
    isinstance(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)

def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, (list, tuple)):
        return "sequence"
    if isinstance(x, str):
        return "str"
    return "other"

print([kind(v) for v in [True, 1, 1.0, [1], (1,), "s", None]])
print(type(b) is B, type(b) is A, type(b) == B)
print(type(1) is int, type(True) is bool, type(None).__name__)
