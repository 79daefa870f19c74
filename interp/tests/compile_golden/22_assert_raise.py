# assert and raise in all their forms.
def f(x):
    assert x
    assert x > 0, f"bad {x}"
    if x == 1:
        raise ValueError
    if x == 2:
        raise ValueError("two") from None
    try:
        pass
    except Exception as err:
        raise RuntimeError("wrapped") from err
    raise
