# N-queens two ways: brute force over permutations produced by a recursive
# generator (filtered with set comprehensions), and backtracking with sets of
# attacked columns/diagonals. Measures generators, yield from, sets, list
# slicing/concatenation and generator expressions.

ITERATIONS = 5
BRUTE_N = 8
BACKTRACK_N = 10


def permutations(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        first = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield [first] + tail


def brute_force(n):
    cols = range(n)
    for perm in permutations(list(cols)):
        if (n == len({perm[i] + i for i in cols})
                == len({perm[i] - i for i in cols})):
            yield perm


def place(n, row, columns, diag_down, diag_up, board):
    if row == n:
        yield tuple(board)
        return
    for col in range(n):
        if col in columns or (row - col) in diag_down or (row + col) in diag_up:
            continue
        columns.add(col)
        diag_down.add(row - col)
        diag_up.add(row + col)
        board.append(col)
        yield from place(n, row + 1, columns, diag_down, diag_up, board)
        board.pop()
        columns.remove(col)
        diag_down.remove(row - col)
        diag_up.remove(row + col)


def backtrack(n):
    return place(n, 0, set(), set(), set(), [])


def run_iteration():
    counts = []
    fingerprint = 0
    for n in range(4, BACKTRACK_N + 1):
        solutions = list(backtrack(n))
        counts.append(len(solutions))
        fingerprint += sum(sum(q * (i + 1) for i, q in enumerate(s)) for s in solutions)
    brute = list(brute_force(BRUTE_N))
    # Both solvers must agree on the number of solutions.
    assert len(brute) == counts[BRUTE_N - 4]
    return (counts, brute[0], brute[-1], fingerprint)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
