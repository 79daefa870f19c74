# Checks the built-in exception hierarchy: catching subclasses through base classes.
cases = [
    (lambda: {}["k"], LookupError),
    (lambda: [][1], LookupError),
    (lambda: 1 / 0, ArithmeticError),
    (lambda: 1 % 0, ArithmeticError),
    (lambda: int("x"), ValueError),
    (lambda: undefined_name, NameError),
    (lambda: None.attr, AttributeError),
    (lambda: 1 + "a", TypeError),
    (lambda: next(iter([])), StopIteration),
    (lambda: "abc".index("z"), ValueError),
    (lambda: [].pop(), IndexError),
    (lambda: {}.popitem(), KeyError),
    (lambda: float("nan?"), ValueError),
    (lambda: chr(-1), ValueError),
    (lambda: float(10 ** 400), OverflowError),
]
for fn, base in cases:
    try:
        fn()
    except base as e:
        print(f"{base.__name__:15} caught {type(e).__name__}: {e}")

def chain(cls):
    return " -> ".join(c.__name__ for c in cls.__mro__)

for cls in [KeyError, IndexError, ZeroDivisionError, OverflowError, UnboundLocalError,
            NotImplementedError, RecursionError, FileNotFoundError, StopIteration,
            GeneratorExit, KeyboardInterrupt, SystemExit, UnicodeDecodeError, ModuleNotFoundError,
            AssertionError, TimeoutError]:
    print(chain(cls))

print(issubclass(GeneratorExit, Exception), issubclass(SystemExit, Exception))
print(issubclass(StopAsyncIteration, Exception), issubclass(BaseException, object))

try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__)

try:
    raise UnboundLocalError("u")
except NameError as e:
    print("NameError catches", type(e).__name__)
try:
    raise FileNotFoundError("f")
except OSError as e:
    print("OSError catches", type(e).__name__)
print(EnvironmentError is OSError, IOError is OSError)
