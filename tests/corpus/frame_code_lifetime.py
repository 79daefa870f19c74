# Frames whose code is owned by little else: the dispatch loop reads the running frame's
# code without counting a reference, so these check that nothing outlives its owner.
import gc


def make_generator(n):
    ns = {}
    exec("def g(k):\n    for i in range(k):\n        yield i * i\n    return 'done'\n", ns)
    return ns["g"](n)


total = 0
for round_ in range(50):
    gen = make_generator(3)
    total += next(gen)
    total += next(gen)
    del gen  # dropped while suspended: its frame and code go with it
    gc.collect()
print("generators", total)


def self_deleting():
    global self_deleting
    del self_deleting
    gc.collect()
    x = [i for i in range(10)]
    return sum(x)


print("self_deleting", self_deleting())
print("gone", "self_deleting" in globals())


def run_exec(i):
    code = compile(f"result = [j * {i} for j in range(5)]\nfor k in range(3):\n    result.append(k)\n", "<gen>", "exec")
    ns = {}
    exec(code, ns)
    del code
    return ns["result"]


print("exec", [sum(run_exec(i)) for i in range(5)])


def call_lambda(i):
    return (lambda a, b=i: [a, b, (lambda: a + b)()])(i * 2)


print("lambda", [call_lambda(i) for i in range(3)])


class Temp:
    def method(self):
        del Temp.method
        gc.collect()
        return sum(range(10))


print("method", Temp().method(), hasattr(Temp, "method"))


def outer():
    def recurse(n):
        return 0 if n == 0 else 1 + recurse(n - 1)
    return recurse(50)


print("nested", sum(outer() for _ in range(20)))


def thrower(n):
    ns = {}
    exec(
        "def f(n):\n"
        "    def inner(k):\n"
        "        if k == 0:\n"
        "            raise ValueError('bottom')\n"
        "        return inner(k - 1)\n"
        "    return inner(n)\n",
        ns,
    )
    f = ns.pop("f")
    ns.clear()
    try:
        return f(n)
    except ValueError as e:
        return str(e)


print("thrower", thrower(30))
