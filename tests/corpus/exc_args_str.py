# Checks exception args/str/repr for zero, one and many args, and for various builtin exceptions.
for args in [(), ("msg",), (1,), ("a", "b"), (1, 2, 3), (None,), ([1],), ("",)]:
    e = Exception(*args)
    print(repr(args), "->", repr(str(e)), repr(e), e.args)

print(repr(ValueError("bad")), str(ValueError("bad")))
print(repr(KeyError("k")), str(KeyError("k")))
print(repr(KeyError()), repr(str(KeyError())))
print(str(KeyError(1)), str(KeyError("a", "b")), str(KeyError(("t",))))
print(str(IndexError("list index out of range")))
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(repr(OSError(2, "No such file")), str(OSError(2, "No such file")))
print(OSError(2, "x").errno, OSError(2, "x").strerror)

e = ValueError("x")
e.args = ("changed", 2)
print(str(e), e.args)

try:
    raise TypeError("a", 1)
except TypeError as err:
    print(str(err), err.args[1])

class MyErr(Exception):
    pass
print(repr(MyErr()), repr(MyErr("one")), repr(MyErr("one", "two")))
print(Exception("x") == Exception("x"))
print(isinstance(ValueError(), BaseException))
print(str(AttributeError("attr msg")), repr(NameError("n")))
print(repr(ZeroDivisionError("division by zero")))
print(f"{ValueError('in fstring')}", "%s" % KeyError("pct"))
print(BaseException("base").args, type(BaseException()).__name__)
