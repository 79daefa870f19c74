# Recursive Fibonacci: measures the cost of plain Python function calls,
# integer comparison and small-int addition, with almost nothing else.

ITERATIONS = 5
DEPTH = 31


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run_iteration():
    return fib(DEPTH)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
