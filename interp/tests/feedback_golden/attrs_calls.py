# dump: area, total
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)


def total(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


total([Rect(1, 2), Rect(3, 4)])
total([Square(2), Rect(1, 1)])
total((Square(3),))
