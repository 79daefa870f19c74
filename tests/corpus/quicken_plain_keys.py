# Sites specialized for "plain" values (small ints, exact strs, tuples of them): `==`
# between keys of mixed kinds, dict subscripts with tuple keys, `in` on lists and tuples.
# Mid-run they see values whose equality or hash runs Python code (user classes, str and
# tuple subclasses, floats, NaN), subclasses of the containers, and nested tuples.


def same(a, b):
    return a == b, a != b


def lookup(d, k):
    return d[k]


def store(d, k, v):
    d[k] = v


def member(x, c):
    return x in c, x not in c


pairs = [((1, 2), (1, 2)), ("ab", "ab"), (3, 3), ((1, "x"), (1, "x")), ((1, 2), (1, 3)),
         (4, "4"), ((1, 2), (1, 2, 3)), (((1, 2), 3), ((1, 2), 3)), ((), ())]
for _ in range(3):
    print([same(a, b) for a, b in pairs])

d = {}
for i in range(20):
    store(d, (i // 4, i % 4), i)
    store(d, str(i), -i)
    store(d, i, i * i)
print(sum(lookup(d, (i // 4, i % 4)) for i in range(20)), lookup(d, "7"), lookup(d, 7))
print(lookup(d, ((3, 3))), [lookup(d, k) for k in [(0, 1), "3", 3]])
try:
    lookup(d, (9, 9))
except KeyError as e:
    print("KeyError", e)


class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("  __eq__", self.v, other.v if isinstance(other, Key) else other)
        return other == self.v or (isinstance(other, Key) and other.v == self.v)

    def __hash__(self):
        print("  __hash__", self.v)
        return hash(self.v)


class MyStr(str):
    def __eq__(self, other):
        print("  MyStr.__eq__", str(self), other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class MyTuple(tuple):
    def __eq__(self, other):
        print("  MyTuple.__eq__")
        return True

    __hash__ = tuple.__hash__


# Non-plain values through the specialized sites.
print(same(Key(1), 1), same(1, Key(1)), same((1, Key(2)), (1, 2)), same((1, 2), (1, Key(2))))
print(same(MyStr("ab"), "ab"), same("ab", MyStr("ab")), same(MyTuple((1,)), (2,)))
nan = float("nan")
t = (1, nan)
print(same(t, t), same((1, nan), (1, nan)), same(1.0, 1), same(True, 1), same((1.0,), (1,)))
print(same((1, Key(5)), (2, Key(5))))  # stops at the first difference: no __eq__ call

store(d, Key(100), "key100")
print(lookup(d, 100), lookup(d, Key(100)))
store(d, (1, 2.5), "float in tuple")
print(lookup(d, (1, 2.5)), lookup(d, (1, 2.5)))
store(d, MyStr("7"), "mystr")
print(lookup(d, "7"))
print(lookup(d, (((1,),),)) if (((1,),),) in d else "deep missing")
store(d, ((((1,),),),), "deep")
print(lookup(d, ((((1,),),),)))

# `in` on lists and tuples of mixed values, and on containers with __contains__.
seqs = [[1, 2, 3], (4, 5), ["a", (1, 2)], [1.0, 2.5], []]
for _ in range(3):
    print([member(x, s) for x in [1, 2, "a", (1, 2), 5, 2.5] for s in seqs])
print(member(Key(3), [1, 2, 3]), member(3, [Key(3)]), member(nan, [nan]), member(nan, (1, nan)))


class Bag(list):
    def __contains__(self, x):
        print("  Bag.__contains__", x)
        return True


class Flaky:
    def __eq__(self, other):
        raise ValueError("no comparing")


print(member(99, Bag([1])), member(1, {1: 2}), member((1, 2), {(1, 2)}), member("q", "xqz"))
try:
    member(1, [Flaky()])
except ValueError as e:
    print("ValueError", e)

# A list that changes while `in` runs Python __eq__.
victims = [1, 2, 3]


class Shrinker:
    def __eq__(self, other):
        victims.clear()
        return False


victims.insert(1, Shrinker())
print(member(3, victims), victims)
