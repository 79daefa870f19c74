# A small ray tracer: spheres on a plane, one point light, hard shadows and a
# single reflection bounce, rendered to a tiny greyscale image. Measures a
# vector class with dunder operators (__add__, __sub__, __mul__, __neg__),
# method dispatch across shape classes and float arithmetic.

ITERATIONS = 5
WIDTH = 160
HEIGHT = 120
EPSILON = 0.0001
INF = 1e30


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, center, radius, brightness, shine):
        self.center = center
        self.radius = radius
        self.brightness = brightness
        self.shine = shine

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return INF
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return INF

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, brightness, shine):
        self.point = point
        self.normal = normal.normalized()
        self.brightness = brightness
        self.shine = shine

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if -EPSILON < denom < EPSILON:
            return INF
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else INF

    def normal_at(self, point):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = [
            Plane(Vec(0.0, -1.0, 0.0), Vec(0.0, 1.0, 0.0), 0.6, 0.3),
            Sphere(Vec(0.0, 0.0, 5.0), 1.0, 0.9, 0.5),
            Sphere(Vec(-2.0, -0.4, 6.5), 0.6, 0.7, 0.2),
            Sphere(Vec(1.8, 0.3, 4.2), 0.5, 0.8, 0.7),
        ]
        self.light = Vec(-4.0, 6.0, -2.0)
        self.ambient = 0.08

    def closest(self, ray):
        best_t = INF
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            if obj.intersect(ray) < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.closest(ray)
        if obj is None:
            return 0.2 + 0.3 * ray.direction.y
        point = ray.at(t)
        normal = obj.normal_at(point)
        to_light = self.light - point
        distance = to_light.length()
        to_light = to_light * (1.0 / distance)
        shade = self.ambient
        if not self.in_shadow(point, to_light, distance):
            lambert = normal.dot(to_light)
            if lambert > 0:
                shade += lambert * obj.brightness
        if depth > 0 and obj.shine > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            shade = shade * (1 - obj.shine) + self.trace(bounce, depth - 1) * obj.shine
        return shade


def render(scene, width, height):
    eye = Vec(0.0, 0.5, -1.0)
    rows = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / width * 1.6
            y = (height / 2 - j) / height * 1.2
            ray = Ray(eye, Vec(x, y - 0.2, 1.0))
            value = scene.trace(ray, 2)
            level = int(value * 255)
            row.append(0 if level < 0 else (255 if level > 255 else level))
        rows.append(row)
    return rows


def run_iteration():
    image = render(Scene(), WIDTH, HEIGHT)
    total = 0
    for row in image:
        for level in row:
            total = (total * 7 + level) % 1000000007
    return (sum(sum(row) for row in image), max(max(row) for row in image), total)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
