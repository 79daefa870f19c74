# N-body simulation of a small planetary system: measures float arithmetic,
# list indexing and tuple unpacking in tight loops.
#
# Each body is a list [x, y, z, vx, vy, vz, mass] so that updates are plain
# item stores rather than attribute writes.

ITERATIONS = 5
STEPS = 50000
DT = 0.01

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    # A star plus four planets on made-up (but stable enough) orbits.
    star = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]
    planets = [
        [5.2, -0.4, -0.1, 0.0017, 0.0072, -0.00007, 0.00095],
        [9.5, 0.6, 0.2, -0.0010, 0.0050, 0.00002, 0.00029],
        [19.2, -1.3, 0.3, 0.0006, 0.0031, -0.00001, 0.000044],
        [30.1, 2.2, -0.6, -0.0002, 0.0025, 0.00004, 0.000051],
    ]
    bodies = [star]
    for p in planets:
        bodies.append([p[0], p[1], p[2],
                       p[3] * DAYS_PER_YEAR, p[4] * DAYS_PER_YEAR, p[5] * DAYS_PER_YEAR,
                       p[6] * SOLAR_MASS])
    # Give the star the opposite momentum so the system does not drift.
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    star[3] = -px / SOLAR_MASS
    star[4] = -py / SOLAR_MASS
    star[5] = -pz / SOLAR_MASS
    return bodies


def pairs_of(bodies):
    result = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            result.append((bodies[i], bodies[j]))
    return result


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (b1, b2) in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * dist2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            o = bodies[j]
            dx = b[0] - o[0]
            dy = b[1] - o[1]
            dz = b[2] - o[2]
            e -= b[6] * o[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def run_iteration():
    bodies = make_system()
    before = energy(bodies)
    advance(bodies, pairs_of(bodies), DT, STEPS)
    after = energy(bodies)
    return "%.9f %.9f" % (before, after)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
