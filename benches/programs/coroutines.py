# Coroutines built from generators and send(): a round-robin scheduler runs
# tasks that yield requests (send on a channel, receive from one, spawn a
# task) and are resumed with the answer; tasks delegate to sub-coroutines
# with `yield from`, which also carries their return values. A push pipeline
# of coroutines (each send() drives the next stage) and a ping-pong pair make
# up the rest. Measures generator resumption through send(), yield from,
# return values out of generators, and small-object dispatch.

ITERATIONS = 5
ITEMS = 20000
WORKERS = 4
PINGS = 64000
PUSHES = 128000


class Channel:
    def __init__(self):
        self.items = []
        self.waiting = []


class Send:
    def __init__(self, channel, value):
        self.channel = channel
        self.value = value


class Receive:
    def __init__(self, channel):
        self.channel = channel


class Spawn:
    def __init__(self, task):
        self.task = task


class Scheduler:
    def __init__(self):
        self.ready = []
        self.switches = 0

    def spawn(self, task):
        self.ready.append((task, None))

    def run(self):
        while self.ready:
            task, value = self.ready.pop(0)
            self.switches += 1
            try:
                request = task.send(value)
            except StopIteration:
                continue
            self.handle(task, request)

    def handle(self, task, request):
        if isinstance(request, Send):
            channel = request.channel
            if channel.waiting:
                self.ready.append((channel.waiting.pop(0), request.value))
            else:
                channel.items.append(request.value)
            self.ready.append((task, None))
        elif isinstance(request, Receive):
            channel = request.channel
            if channel.items:
                self.ready.append((task, channel.items.pop(0)))
            else:
                channel.waiting.append(task)
        elif isinstance(request, Spawn):
            self.spawn(request.task)
            self.ready.append((task, None))
        else:
            self.ready.append((task, None))


def receive_batch(channel, size):
    # A sub-coroutine: its return value reaches the caller through yield from.
    batch = []
    while len(batch) < size:
        item = yield Receive(channel)
        if item is None:
            break
        batch.append(item)
    return batch


def producer(channel, count, workers):
    for i in range(count):
        yield Send(channel, (i * 7919) % 1000)
    for _ in range(workers):
        yield Send(channel, None)


def worker(number, inbox, outbox):
    while True:
        batch = yield from receive_batch(inbox, 5)
        if batch:
            total = 0
            for item in batch:
                total += item * item % 97
            yield Send(outbox, (number, len(batch), total))
        if len(batch) < 5:
            yield Send(outbox, (number, 0, -1))
            return


def collector(inbox, workers, results):
    finished = 0
    while finished < workers:
        number, size, total = yield Receive(inbox)
        if total < 0:
            finished += 1
        else:
            results[number] += total
            results[workers] += size


def boss(count, workers, results):
    jobs = Channel()
    done = Channel()
    yield Spawn(collector(done, workers, results))
    for n in range(workers):
        yield Spawn(worker(n, jobs, done))
    yield from producer(jobs, count, workers)


def ping(channel_in, channel_out, count):
    total = 0
    for i in range(count):
        yield Send(channel_out, i)
        total += yield Receive(channel_in)
    return total


def pinger(channel_in, channel_out, count, results):
    total = yield from ping(channel_in, channel_out, count)
    results.append(total)


def pong(channel_in, channel_out, count):
    for _ in range(count):
        value = yield Receive(channel_in)
        yield Send(channel_out, value * 2 + 1)


def coroutine(function):
    def start(*args):
        gen = function(*args)
        next(gen)
        return gen
    return start


@coroutine
def scale(factor, target):
    while True:
        target.send((yield) * factor)


@coroutine
def keep_odd(target):
    while True:
        value = yield
        if value % 2:
            target.send(value)


@coroutine
def window_sum(size, sink):
    window = []
    while True:
        window.append((yield))
        if len(window) > size:
            window.pop(0)
        sink.append(sum(window))


def run_iteration():
    scheduler = Scheduler()
    results = [0] * (WORKERS + 1)
    scheduler.spawn(boss(ITEMS, WORKERS, results))
    a = Channel()
    b = Channel()
    scheduler.spawn(pinger(a, b, PINGS, results))
    scheduler.spawn(pong(b, a, PINGS))
    scheduler.run()

    sink = []
    pipeline = scale(3, keep_odd(window_sum(4, sink)))
    for i in range(PUSHES):
        pipeline.send(i)
    pipeline.close()
    return results, scheduler.switches, len(sink), sum(sink) % 1000003


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
