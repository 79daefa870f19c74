# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, functional API
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return f'{self.name}={self.value}'
    @property
    def lower(self): return self.name.lower()
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.describe(), Color.GREEN.lower, Color.RED.name, Color.RED.value, Color, type(Color.RED))
print(Color.RED in Color, isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED == 1, Color.__members__.keys())
print({Color.RED: 'r'}[Color.CRIMSON], f'{Color.RED}', format(Color.BLUE, ''), str(Color.GREEN))
try: Color(7)
except ValueError as e: print(type(e).__name__, e)
try: Color['NOPE']
except KeyError as e: print(type(e).__name__, e)
try: Color.RED = 5
except AttributeError as e: print(type(e).__name__, e)
try: Color.RED < Color.BLUE
except TypeError as e: print(type(e).__name__, e)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.TWO), N.ONE + 1, N(2), N.ONE < N.TWO, N.TWO == 2, f'{N.TWO:>3}', sorted([N.TWO, N.ONE]), int(N.TWO))
class A(Enum):
    X = auto()
    Y = auto()
    Z = auto()
print(list(A), A.Z.value)
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(P.R | P.W, repr(P.R | P.W), P.R & P.W, repr(P(0)), (P.R | P.W).value, P.R in (P.R | P.X), list(P), bool(P(0)), repr(~P.R))
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm.R | 1, repr(Perm(7)), Perm.R + 1, int(Perm.W))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(type(e).__name__, e)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B == 'bee', S.A.upper())
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.MERCURY))
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return cls.A
print(M(99))
print(hash(Color.RED) == hash(Color.RED), Color.RED.__class__.__name__)
