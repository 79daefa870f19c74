# Checks with statements: enter/exit order, 'as' binding, exceptions propagating, return/break inside with.
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self
    def __exit__(self, et, ev, tb):
        print(f"</{self.name}>")
        return False

with Tag("html") as t:
    print("  name is", t.name)
    with Tag("body"):
        print("    content")

def early():
    with Tag("func"):
        return "returned"
    print("unreachable")
print(early())

for i in range(3):
    with Tag(f"i{i}"):
        if i == 1:
            break
print("loop done")

try:
    with Tag("err"):
        raise ValueError("inside with")
except ValueError as e:
    print("propagated:", e)

with Tag("x") as a, Tag("y") as b:
    print("both", a.name, b.name)

with (Tag("p1") as p1,
      Tag("p2") as p2):
    print("parenthesized", p1.name + p2.name)

class Value:
    def __enter__(self):
        return 42
    def __exit__(self, *args):
        print("exit args:", args)
with Value() as v:
    print("v =", v)

with Value():
    pass

holder = {}
with Value() as holder["key"]:
    pass
print(holder)
with Tag("tuple") as (first):
    print(first.name)
