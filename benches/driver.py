# Per-iteration driver for `ember bench`.
#
# The harness does not run this file as it is: it writes a copy headed by
#
#     PROGRAM = "nbody"     # module name of the program, copied beside it
#     ITERATIONS = 10
#
# into a scratch directory that also holds a copy of the program, and runs
# that copy. So the driver needs no `sys` (for argv or the module path): the
# program is imported from the script's own directory, which every runtime
# searches first. Importing it as a module means its
# `if __name__ == "__main__"` block does not run.
#
# It calls the program's run_iteration() ITERATIONS times and prints, for
# the harness:
#
#   @bench units COUNT NAME     once, if the program sets UNITS = (COUNT, NAME),
#                               the work one iteration does (e.g. 500 requests)
#   @bench start                just before the first iteration
#   @bench iteration I SECONDS  after each iteration, timed with perf_counter,
#                               or `-` for SECONDS in a runtime without a clock,
#                               and the harness times the gaps between these
#                               (flushed) lines as they arrive
#
# and then the program's own output, print(result), exactly as the program's
# main() prints it, so the harness can check it against the reference runtime.
# Every iteration must return an equal result: a program whose answer drifts
# between iterations is measuring something other than what it claims.

try:
    from time import perf_counter
except ImportError:
    perf_counter = None


def main():
    program = __import__(PROGRAM)
    units = getattr(program, "UNITS", None)
    if units is not None:
        print("@bench units", units[0], units[1])
    print("@bench start", flush=True)
    first = None
    for i in range(ITERATIONS):
        if perf_counter is None:
            result = program.run_iteration()
            print("@bench iteration", i + 1, "-", flush=True)
        else:
            start = perf_counter()
            result = program.run_iteration()
            elapsed = perf_counter() - start
            print("@bench iteration", i + 1, repr(elapsed))
        if i == 0:
            first = result
        elif result != first:
            raise AssertionError(
                "iteration " + str(i + 1) + " returned " + repr(result)
                + " but iteration 1 returned " + repr(first))
    print(first)


main()
