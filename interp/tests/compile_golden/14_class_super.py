# Classes: body namespace, methods, zero-argument super() and __class__.
class Base:
    pass

class Child(Base, metaclass=Meta, flag=True):
    """A child."""
    attr = 1
    other = attr + 1

    def __init__(self, value):
        super().__init__()
        self.value = value

    def kind(self):
        return __class__.__name__

    def plain(self):
        return self.attr

    @staticmethod
    def nothing():
        return super
