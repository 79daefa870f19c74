# Lazy data pipelines built from generators: a pseudo-random source, filter,
# map, pairwise windows, chunking, interleaving with yield from, generator
# expressions consumed by sum/max/any/all and a coroutine driven by send().
# Measures generator creation, resumption and suspension.

ITERATIONS = 5
COUNT = 100000


def source(seed, count):
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2147483648
        yield seed >> 12


def keep_if(predicate, items):
    for item in items:
        if predicate(item):
            yield item


def apply(function, items):
    for item in items:
        yield function(item)


def pairwise(items):
    previous = None
    first = True
    for item in items:
        if not first:
            yield previous, item
        previous = item
        first = False


def chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def interleave(*streams):
    # Round-robin over streams until all are exhausted.
    active = [iter(s) for s in streams]
    while active:
        still = []
        for stream in active:
            for item in stream:
                yield item
                still.append(stream)
                break
        active = still


def flatten(nested):
    for group in nested:
        yield from group


def running_mean():
    # A coroutine: send() it values, it answers with the mean magnitude so far.
    total = 0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value if value >= 0 else -value
        count += 1
        mean = total // count


def pipeline(seed, count):
    evens = keep_if(lambda v: v % 2 == 0, source(seed, count))
    scaled = apply(lambda v: (v * 3) % 1000, evens)
    diffs = apply(lambda pair: pair[1] - pair[0], pairwise(scaled))
    return chunks(diffs, 16)


def run_iteration():
    streams = [flatten(pipeline(seed, COUNT)) for seed in (1, 2, 3)]
    mixed = interleave(*streams)
    averager = running_mean()
    next(averager)
    mean = 0
    positives = 0
    seen = 0
    for value in mixed:
        seen += 1
        if value > 0:
            positives += 1
        mean = averager.send(value)
    squares = sum(x * x for x in range(COUNT) if x % 7 == 3)
    largest = max(v % 977 for v in source(99, COUNT // 4))
    flags = (any(v == 12345 for v in source(5, COUNT // 4)),
             all(v >= 0 for v in source(6, COUNT // 4)))
    return (seen, positives, mean, squares, largest, flags)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
