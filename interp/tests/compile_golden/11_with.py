# with: enter/exit protocol, suppression, several items, early exits.
def f(path):
    with open(path) as fh:
        data = fh.read()
    with lock, open(path) as (a, b):
        pass
    for p in path:
        with ctx():
            if p:
                return p
            continue
    return data
