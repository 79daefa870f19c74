# Global and module-attribute caches key on the module: one code object run under several
# modules (exec of the same code in several namespaces) must read each module's own
# globals, and a cache filled for a module that has since died must never match another.
import gc

code = compile(
    "def f():\n"
    "    return X + len('ab')\n"
    "def g():\n"
    "    return len\n",
    "<shared>",
    "exec",
)

# Several live namespaces, called in turn: each function sees its own X.
funcs = []
for i in range(3):
    ns = {"X": i * 100}
    exec(code, ns)
    funcs.append(ns["f"])
for _ in range(50):
    row = [f() for f in funcs]
print("live", row)

# Namespaces that die right after use, so new ones may take their addresses.
total = []
for i in range(200):
    ns = {"X": i}
    exec(code, ns)
    total.append(ns["f"]())
    total.append(ns["f"]())
    del ns
    if i % 50 == 0:
        gc.collect()
print("dying", sum(total), total[:4], total[-2:])

# A namespace that shadows a builtin, next to one that does not.
plain = {"X": 1}
shadow = {"X": 1, "len": lambda s: 1000}
exec(code, plain)
exec(code, shadow)
for _ in range(30):
    a, b = plain["f"](), shadow["f"]()
print("shadow", a, b, plain["g"]() is len, shadow["g"]() is len)


# Module attributes through one site, alternating between modules.
import math
import sys


def read_attr(m):
    return m.__name__


names = []
for i in range(200):
    names.append(read_attr((gc, math, sys)[i % 3]))
print("modules", names[:4], names.count("math"))
