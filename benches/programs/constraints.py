# A small finite-domain constraint solver: variables with lists of candidate
# values, constraint objects that prune each other's domains until nothing
# changes (propagation through a work queue), and depth-first search that
# tries the variable with the fewest candidates first, copying domains at each
# choice. It solves Sudoku puzzles, the SEND + MORE = MONEY cryptarithm and a
# map colouring. Measures polymorphic method calls, list building and
# filtering, dict lookups and recursion.

ITERATIONS = 5
VARIANTS = 3

PUZZLES = [
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "52...6.........7.13...........4..8..6......5...........418.........3..2...87.....",
    "..53.....8......2..7..1.5..4....53...1..7...6..32...8..6.5....9..4....3......97..",
]


class Constraint:
    def __init__(self, variables):
        self.variables = variables

    def prune(self, domains):
        """Narrows domains; returns the changed variables, or None when some
        domain became empty (no solution down this branch)."""
        raise NotImplementedError


class AllDifferent(Constraint):
    def prune(self, domains):
        changed = []
        for var in self.variables:
            values = domains[var]
            if len(values) != 1:
                continue
            value = values[0]
            for other in self.variables:
                if other == var:
                    continue
                candidates = domains[other]
                if value in candidates:
                    if len(candidates) == 1:
                        return None
                    domains[other] = [c for c in candidates if c != value]
                    changed.append(other)
        return changed


class LinearEquals(Constraint):
    """sum(coefficient * variable) == total, pruned by interval bounds."""

    def __init__(self, terms, total):
        Constraint.__init__(self, [var for var, _ in terms])
        self.terms = terms
        self.total = total

    def prune(self, domains):
        changed = []
        low = 0
        high = 0
        for var, coefficient in self.terms:
            values = domains[var]
            a = coefficient * values[0]
            b = coefficient * values[-1]
            low += min(a, b)
            high += max(a, b)
        if not (low <= self.total <= high):
            return None
        for var, coefficient in self.terms:
            values = domains[var]
            a = coefficient * values[0]
            b = coefficient * values[-1]
            rest_low = low - min(a, b)
            rest_high = high - max(a, b)
            kept = [v for v in values
                    if rest_low <= self.total - coefficient * v <= rest_high]
            if not kept:
                return None
            if len(kept) != len(values):
                domains[var] = kept
                changed.append(var)
        return changed


class Different(Constraint):
    def prune(self, domains):
        a, b = self.variables
        for one, other in ((a, b), (b, a)):
            values = domains[one]
            if len(values) == 1 and values[0] in domains[other]:
                remaining = [v for v in domains[other] if v != values[0]]
                if not remaining:
                    return None
                domains[other] = remaining
                return [other]
        return []


class Solver:
    def __init__(self):
        self.domains = {}
        self.watchers = {}
        self.constraints = []
        self.nodes = 0

    def variable(self, name, values):
        self.domains[name] = list(values)
        self.watchers[name] = []
        return name

    def add(self, constraint):
        constraint.index = len(self.constraints)
        self.constraints.append(constraint)
        for var in constraint.variables:
            self.watchers[var].append(constraint)

    def propagate(self, domains, queue):
        queued = [False] * len(self.constraints)
        for c in queue:
            queued[c.index] = True
        while queue:
            constraint = queue.pop()
            queued[constraint.index] = False
            changed = constraint.prune(domains)
            if changed is None:
                return False
            for var in changed:
                for watcher in self.watchers[var]:
                    if not queued[watcher.index]:
                        queued[watcher.index] = True
                        queue.append(watcher)
        return True

    def search(self, domains):
        self.nodes += 1
        best = None
        for var in domains:
            size = len(domains[var])
            if size > 1 and (best is None or size < len(domains[best])):
                best = var
        if best is None:
            return domains
        for value in domains[best]:
            trial = dict(domains)
            trial[best] = [value]
            if self.propagate(trial, list(self.watchers[best])):
                solution = self.search(trial)
                if solution is not None:
                    return solution
        return None

    def solve(self):
        domains = dict(self.domains)
        if not self.propagate(domains, list(self.constraints)):
            return None
        return self.search(domains)


def sudoku(puzzle):
    solver = Solver()
    cells = []
    for i, ch in enumerate(puzzle):
        given = "123456789".find(ch) + 1
        values = [given] if given else range(1, 10)
        cells.append(solver.variable((i // 9, i % 9), values))
    for k in range(9):
        solver.add(AllDifferent([cells[k * 9 + j] for j in range(9)]))
        solver.add(AllDifferent([cells[j * 9 + k] for j in range(9)]))
        top = (k // 3) * 27 + (k % 3) * 3
        solver.add(AllDifferent([cells[top + r * 9 + c] for r in range(3) for c in range(3)]))
    solution = solver.solve()
    text = "".join(str(solution[cell][0]) for cell in cells)
    return text, solver.nodes


def send_more_money():
    solver = Solver()
    letters = {}
    for ch in "SENDMORY":
        low = 1 if ch in "SM" else 0
        letters[ch] = solver.variable(ch, range(low, 10))
    solver.add(AllDifferent(list(letters.values())))
    terms = {}
    for word, sign in (("SEND", 1), ("MORE", 1), ("MONEY", -1)):
        weight = 1
        for ch in reversed(word):
            terms[ch] = terms.get(ch, 0) + sign * weight
            weight *= 10
    solver.add(LinearEquals([(letters[ch], terms[ch]) for ch in terms], 0))
    solution = solver.solve()
    return "".join(str(solution[ch][0]) for ch in "SENDMORY"), solver.nodes


def map_colouring(regions, colours):
    solver = Solver()
    for r in range(regions):
        solver.variable(r, range(colours))
    # A ring of regions, each also bordering the ones two and five steps on.
    for r in range(regions):
        for step in (1, 2, 5):
            solver.add(Different([r, (r + step) % regions]))
    solution = solver.solve()
    return "".join(str(solution[r][0]) for r in range(regions)), solver.nodes


def variant(puzzle, k):
    """The puzzle with its digits relabelled: as hard as the original, but
    searched along a different path (values are tried in numeric order)."""
    return "".join(ch if ch == "." else str((int(ch) + k - 1) % 9 + 1) for ch in puzzle)


def run_iteration():
    results = [sudoku(variant(p, k)) for p in PUZZLES for k in range(VARIANTS)]
    results.append(send_more_money())
    results.append(map_colouring(60, 4))
    return results


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
