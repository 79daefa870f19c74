# dataclasses: @dataclass options, field(), __post_init__, asdict/astuple/replace/fields
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError, InitVar
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, [f.name for f in fields(Point)], is_dataclass(p), is_dataclass(Point), is_dataclass(5))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


v = Version(1, 2)
print(v, v < Version(1, 3), v >= Version(1, 2), sorted([Version(2), Version(1, 5), Version(1)]))
print(hash(v) == hash(Version(1, 2)), {v: 'ok'}[Version(1, 2)])
try:
    v.major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    Version(1) < Point(1)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    total: ClassVar[int] = 0

    def __post_init__(self):
        Inventory.total += 1
        self.count = len(self.items)


a = Inventory('a', ['x', 'y'])
b = Inventory('b')
b.items.append('z')
print(a, b, Inventory.total, a.count, Inventory('q') == Inventory('q', secret='other'))
print(asdict(a), astuple(b), replace(a, name='c'))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Base:
    a: int
    b: str = 'b'


@dataclass
class Derived(Base):
    c: float = 1.5


d = Derived(1, 'x', 2.5)
print(d, Derived(7), [f.name for f in fields(d)], isinstance(d, Base))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), hash(Ident(1)) != 0)


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: int = field(default=0, hash=False)


print(hash(H(1, 2)) == hash(H(1, 3)))


@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.x *= scale


print(WithInit(3), WithInit(3, 10), [f.name for f in fields(WithInit)])


@dataclass(repr=False, init=False)
class Manual:
    x: int = 5


m = Manual()
print(m.x, type(repr(m)).__name__, 'Manual object' in repr(m))


@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int


print(Opts(level=3))
try:
    Opts(True, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Opts()
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Self:
    items: list = field(default_factory=list)


s = Self(); s.items.append(s)
print(s)
try:
    asdict(5)
except TypeError as e:
    print(type(e).__name__, e)
print(Point.__match_args__, Point.__doc__)
