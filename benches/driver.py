# Per-iteration driver for `ember bench`: `RUNTIME driver.py PROGRAM.py N`.
#
# Loads PROGRAM.py as a module (so its `if __name__ == "__main__"` block does
# not run), calls its run_iteration() N times and prints, for the harness:
#
#   @bench units COUNT NAME     once, if the program sets UNITS = (COUNT, NAME),
#                               the work one iteration does (e.g. 500 requests)
#   @bench iteration I SECONDS  after each iteration, timed with perf_counter
#
# and then the program's own output, print(result), exactly as the program's
# main() prints it, so the harness can check it against the reference runtime.
# Every iteration must return an equal result: a program whose answer drifts
# between iterations is measuring something other than what it claims.
#
# Only time.perf_counter, sys.argv, sys.path and a plain import are used, the
# least a runtime must offer to be benchmarked this way.

import sys
import time


def load(path):
    slash = path.rfind("/")
    directory = path[:slash] if slash >= 0 else "."
    name = path[slash + 1:]
    if name.endswith(".py"):
        name = name[:-3]
    sys.path.insert(0, directory)
    return __import__(name)


def main():
    if len(sys.argv) != 3:
        print("usage: driver.py PROGRAM.py ITERATIONS", file=sys.stderr)
        sys.exit(2)
    program = load(sys.argv[1])
    iterations = int(sys.argv[2])
    units = getattr(program, "UNITS", None)
    if units is not None:
        print("@bench units", units[0], units[1])
    first = None
    for i in range(iterations):
        start = time.perf_counter()
        result = program.run_iteration()
        elapsed = time.perf_counter() - start
        print("@bench iteration", i + 1, repr(elapsed))
        if i == 0:
            first = result
        elif result != first:
            print("iteration", i + 1, "returned", repr(result),
                  "but iteration 1 returned", repr(first), file=sys.stderr)
            sys.exit(1)
    print(first)


main()
