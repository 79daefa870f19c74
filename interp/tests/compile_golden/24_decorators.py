# Decorators are evaluated before the definition and applied innermost first.
@first
@second(arg)
def f():
    pass

@dataclass
class P:
    x: int
    y: int = 0

class Q:
    @property
    def value(self):
        return 1

    @value.setter
    def value(self, v):
        pass
