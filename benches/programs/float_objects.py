# Many small objects with float attributes: create points, normalise them in
# place and fold them with a component-wise maximum. Measures instance
# creation, attribute loads/stores and float arithmetic. sin/cos are written
# out (no math module) as short Taylor series after range reduction.

ITERATIONS = 5
POINTS = 50000

PI = 3.141592653589793
TWO_PI = 2 * PI


def sine(x):
    x = x % TWO_PI
    if x > PI:
        x -= TWO_PI
    x2 = x * x
    term = x
    total = x
    k = 1
    while k < 12:
        term = -term * x2 / ((2 * k) * (2 * k + 1))
        total += term
        k += 1
    return total


def cosine(x):
    return sine(x + PI / 2)


class Point:
    def __init__(self, i):
        self.x = x = sine(i)
        self.y = cosine(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run_iteration():
    points = [Point(i) for i in range(POINTS)]
    for p in points:
        p.normalize()
    return repr(maximize(points))


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
