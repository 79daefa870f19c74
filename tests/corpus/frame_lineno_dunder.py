# Python code run from the middle of an instruction (operators' dunder methods,
# properties, __bool__, __iter__, __hash__, __format__ ...) sees its caller's
# frame at the line being executed, as logging and warnings rely on.
import sys


def caller_line():
    return sys._getframe(2).f_lineno


class Probe:
    def __add__(self, other):
        return caller_line()

    def __radd__(self, other):
        return caller_line()

    def __neg__(self):
        return caller_line()

    def __lt__(self, other):
        return caller_line()

    def __getitem__(self, key):
        return caller_line()

    def __setitem__(self, key, value):
        seen.append(("setitem", caller_line()))

    def __delitem__(self, key):
        seen.append(("delitem", caller_line()))

    def __bool__(self):
        seen.append(("bool", caller_line()))
        return True

    def __iter__(self):
        seen.append(("iter", caller_line()))
        return iter([1, 2])

    def __hash__(self):
        seen.append(("hash", caller_line()))
        return 7

    def __format__(self, spec):
        return str(caller_line())

    def __contains__(self, item):
        seen.append(("contains", caller_line()))
        return False

    @property
    def prop(self):
        return caller_line()

    def __getattr__(self, name):
        return caller_line()


seen = []


def main():
    p = Probe()
    print("add", len([]), p + 1)
    print("radd", len([]), 1 + p)
    print("neg", len([]), -p)
    print("lt", len([]), p < 3)
    print("getitem", len([]), p[0])
    print("prop", len([]), p.prop)
    print("getattr", len([]), p.missing)
    print("format", len([]), f"{p}")
    p[1] = 2
    len([])
    del p[1]
    len([])
    if p:
        len([])
    a, b = p
    len([])
    d = {p: 1}
    len([])
    s = {p}
    len([])
    q = 5 in p
    len([])
    for x in p:
        pass
    print(seen)


def in_loop():
    p = Probe()
    lines = []
    for i in range(3):
        len([])
        lines.append(p + i)
        len([])
        lines.append(p[i])
    print("loop", lines)


def raising():
    class Bad:
        def __add__(self, other):
            raise ValueError("bad add at line %d" % caller_line())

    b = Bad()
    try:
        len([])
        b + 1
    except ValueError as e:
        print(type(e).__name__, e, e.__traceback__.tb_lineno)


main()
in_loop()
raising()
