"""Module docstring."""

def f():
    """Function docstring."""
    return 1

class C:
    """Class docstring."""

def g():
    x = 1
    "not a docstring"
    return x
