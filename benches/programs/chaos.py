# The chaos game: a point jumps again and again through one of a few affine
# maps, picked at random with fixed weights (a linear congruential generator,
# so every run draws the same numbers), and the grid cells it lands in trace
# a fractal: Barnsley's fern, then a Sierpinski triangle by halving the way to
# a random corner. Measures small float-vector objects with operator
# overloading, method calls, float arithmetic and list-of-lists indexing.

ITERATIONS = 5
STEPS = 80000
WIDTH = 64
HEIGHT = 64


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def lerp(self, other, t):
        return self + (other - self) * t


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.offset = Vec(e, f)
        self.weight = weight

    def apply(self, p):
        return Vec(self.a * p.x + self.b * p.y, self.c * p.x + self.d * p.y) + self.offset


class Random:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state >> 8

    def uniform(self):
        return self.next() / 8388608.0


FERN = [
    Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
    Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
    Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
]

CORNERS = [Vec(0.0, 0.0), Vec(1.0, 0.0), Vec(0.5, 0.8660254037844386)]


def pick(maps, r):
    for m in maps:
        if r < m.weight:
            return m
        r -= m.weight
    return maps[-1]


class Canvas:
    def __init__(self, left, bottom, width, height):
        self.left = left
        self.bottom = bottom
        self.sx = (WIDTH - 1) / width
        self.sy = (HEIGHT - 1) / height
        self.cells = [[0] * WIDTH for _ in range(HEIGHT)]

    def plot(self, p):
        col = int((p.x - self.left) * self.sx)
        row = int((p.y - self.bottom) * self.sy)
        if 0 <= col < WIDTH and 0 <= row < HEIGHT:
            self.cells[row][col] += 1

    def summary(self):
        filled = 0
        moment = 0
        for row in range(HEIGHT):
            line = self.cells[row]
            for col in range(WIDTH):
                count = line[col]
                if count:
                    filled += 1
                    moment += (row * WIDTH + col) * count
        return filled, moment % 1000003


def fern(rng, steps):
    canvas = Canvas(-2.2, 0.0, 4.9, 10.0)
    p = Vec(0.0, 0.0)
    for _ in range(steps):
        p = pick(FERN, rng.uniform()).apply(p)
        canvas.plot(p)
    return canvas.summary(), p


def sierpinski(rng, steps):
    canvas = Canvas(0.0, 0.0, 1.0, 0.8660254037844386)
    p = Vec(0.3, 0.3)
    for _ in range(steps):
        p = p.lerp(CORNERS[rng.next() % 3], 0.5)
        canvas.plot(p)
    return canvas.summary(), p


def run_iteration():
    rng = Random(2024)
    fern_summary, fern_end = fern(rng, STEPS)
    triangle_summary, triangle_end = sierpinski(rng, STEPS)
    return (fern_summary, triangle_summary,
            fern_end.x, fern_end.y, triangle_end.x, triangle_end.y)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
