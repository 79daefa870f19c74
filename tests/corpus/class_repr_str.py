# Checks __repr__ and __str__: print, str(), repr(), containers using repr, fallbacks.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"

class S:
    def __str__(self):
        return "S-as-str"
    def __repr__(self):
        return "S-as-repr"

class OnlyStr:
    def __str__(self):
        return "only str"

v = V(1, "a")
print(v)
print(str(v), repr(v))
print([v, V(2, 3)])
print({"k": v})
print((v,))
s = S()
print(s, str(s), repr(s))
print([s], f"{s}", f"{s!r}")
print(str(OnlyStr()))
print("%s and %r" % (s, s))
print("{} {!r}".format(s, s))

class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return f"Node({self.val}, {self.children})"
        return f"Node({self.val})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)

print(repr("quote's"), repr('dq"'), repr("both'\""))
print(repr(1.5), repr(None), repr(True), repr([1, "x", None]))
print(str(b"ab"), repr(b"a'b"))

class Sub(V):
    pass
print(Sub(5, 6))
class StrSub(S):
    def __str__(self):
        return "sub:" + super().__str__()
print(StrSub(), repr(StrSub()))
