# Annotations: stored in __annotations__ at module and class level only.
x: int = 1
y: list
obj.attr: int

class C:
    a: int
    b: str = "b"

def f(p: int, q: str = "q") -> None:
    local: int = 5
    other: str
    return local
