# f-strings: conversions, format specs (nested), debug expressions.
def f(name, width, value):
    a = f"hello {name}"
    b = f"{value!r}"
    c = f"{value:>{width}.2f} units"
    d = f"{name=}"
    e = f"{value=:.3}"
    g = f"{{literal}}"
    return a, b, c, d, e, g
