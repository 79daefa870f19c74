# Spectral norm of the infinite matrix A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1),
# approximated by power iteration on A^T A. Measures nested float loops,
# small function calls in the inner loop and list building.

ITERATIONS = 5
SIZE = 160
POWER_STEPS = 10


def matrix_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_entry(i, j) * v[j]
        out.append(total)
    return out


def times_transposed(v):
    n = len(v)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_entry(j, i) * v[j]
        out.append(total)
    return out


def times_ata(v):
    return times_transposed(times(v))


def run_iteration():
    u = [1.0] * SIZE
    v = u
    for _ in range(POWER_STEPS):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for i in range(SIZE):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return "%.9f" % (vbv / vv) ** 0.5


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
