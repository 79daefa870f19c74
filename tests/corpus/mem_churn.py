# Checks that memory is reclaimed: allocates ~2 million small objects in total (1000-element lists rebuilt 2000 times) plus reference cycles.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt

class Cyclic:
    def __init__(self, n):
        self.n = n
        self.me = self
        self.data = [n] * 10

total = 0
for round_ in range(2000):
    items = [Node(i) for i in range(1000)]
    total += items[-1].value + len(items)
    items = None
print("list rounds total", total)

checksum = 0
for round_ in range(200):
    head = None
    for i in range(500):
        head = Node(i, head)
    while head is not None:
        checksum += head.value
        head = head.next
print("linked list checksum", checksum)

for round_ in range(300):
    objs = [Cyclic(i) for i in range(100)]
    a = {"self": None}
    a["self"] = a
    objs.clear()
print("cycles done")

s = ""
for i in range(2000):
    s = "x" * (i % 50) + str(i)
print("last string", s[-10:])
d = {}
for i in range(50000):
    d[i % 1000] = [i] * 3
print(len(d), d[999])
big = [bytes(1000) for _ in range(1000)]
print(sum(len(b) for b in big))
big = None
print("done")
