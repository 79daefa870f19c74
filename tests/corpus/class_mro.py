# Checks C3 method resolution order for diamond and complex hierarchies, and MRO conflicts.
def names(cls):
    return [k.__name__ for k in cls.__mro__]

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(names(D))

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(names(M))
print(names(K1), names(K2), names(K3))

class F: pass
class E(F): pass
class G(E, F): pass
print(names(G))

try:
    class Bad(F, E):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class P:
    def who(self): return "P"
class Q(P):
    def who(self): return "Q>" + super().who()
class R(P):
    def who(self): return "R>" + super().who()
class S(Q, R):
    def who(self): return "S>" + super().who()
print(S().who())
print(names(S))
print(S.mro() == list(S.__mro__))

class L1: pass
class L2: pass
class L3(L1, L2): pass
class L4(L2, L1): pass
try:
    class L5(L3, L4): pass
except TypeError as e:
    print(type(e).__name__, e)

print(names(bool), names(int))
print(names(KeyError))
