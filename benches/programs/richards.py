# A toy operating-system kernel in the spirit of the Richards benchmark:
# prioritised tasks exchange messages through inboxes, devices are "busy"
# until an idle task wakes them, and handlers feed job data to devices one
# item at a time. Measures classes, method calls (including overridden
# ones), attribute access and small list operations.

ITERATIONS = 5
IDLE_TICKS = 36000

JOB = 0
TOKEN = 1


class Message:
    def __init__(self, kind, origin):
        self.kind = kind
        self.origin = origin


class Job(Message):
    def __init__(self, origin, size):
        Message.__init__(self, JOB, origin)
        self.data = [0] * size
        self.cursor = 0
        self.seq = 0


class Token(Message):
    def __init__(self, origin):
        Message.__init__(self, TOKEN, origin)
        self.value = 0


class Task:
    """Base task: runnable unless held, or waiting with an empty inbox."""

    def __init__(self, kernel, pid, priority, waiting):
        self.kernel = kernel
        self.pid = pid
        self.priority = priority
        self.inbox = []
        self.waiting = waiting
        self.held = False
        kernel.add(self)

    def has_work(self):
        return False

    def runnable(self):
        if self.held:
            return False
        if not self.waiting:
            return True
        return len(self.inbox) > 0 or self.has_work()

    def receive(self):
        if self.inbox:
            return self.inbox.pop(0)
        return None

    def step(self):
        raise NotImplementedError


class Kernel:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.running = True
        self.switches = 0
        self.sends = 0
        self.holds = 0
        self.releases = 0

    def add(self, task):
        self.tasks[task.pid] = task
        i = 0
        while i < len(self.order) and self.order[i].priority >= task.priority:
            i += 1
        self.order.insert(i, task)

    def send(self, message, pid):
        self.sends += 1
        self.tasks[pid].inbox.append(message)

    def hold(self, task):
        self.holds += 1
        task.held = True

    def release(self, pid):
        task = self.tasks[pid]
        if task.held:
            self.releases += 1
            task.held = False

    def pick(self):
        for task in self.order:
            if task.runnable():
                return task
        return None

    def run(self):
        while self.running:
            task = self.pick()
            if task is None:
                break
            self.switches += 1
            task.step()


class IdleTask(Task):
    """Lowest priority; wakes devices pseudo-randomly and ends the run."""

    def __init__(self, kernel, pid, ticks, devices):
        Task.__init__(self, kernel, pid, 0, False)
        self.ticks = ticks
        self.seed = 1
        self.devices = devices

    def step(self):
        self.ticks -= 1
        if self.ticks == 0:
            self.kernel.running = False
            return
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        self.kernel.release(self.devices[(self.seed >> 16) % len(self.devices)])


class ProducerTask(Task):
    """Refills returned jobs with fresh data and passes them to the worker."""

    def __init__(self, kernel, pid, priority, worker, jobs, size):
        Task.__init__(self, kernel, pid, priority, True)
        self.worker = worker
        self.counter = pid
        for _ in range(jobs):
            self.inbox.append(Job(pid, size))

    def step(self):
        job = self.receive()
        job.seq += 1
        for i in range(len(job.data)):
            self.counter = (self.counter * 31 + i + job.seq) % 65521
            job.data[i] = self.counter % 251
        self.kernel.send(job, self.worker)


class WorkerTask(Task):
    """Scrambles job data and spreads jobs over the handlers round-robin."""

    def __init__(self, kernel, pid, priority, handlers):
        Task.__init__(self, kernel, pid, priority, True)
        self.handlers = handlers
        self.turn = 0
        self.salt = 7

    def step(self):
        job = self.receive()
        data = job.data
        for i in range(len(data)):
            data[i] = (data[i] * 7 + self.salt) % 97
            self.salt = (self.salt + data[i]) % 1009
        self.turn = (self.turn + 1) % len(self.handlers)
        self.kernel.send(job, self.handlers[self.turn])


class HandlerTask(Task):
    """Pairs queued jobs with free device tokens, one data item per token."""

    def __init__(self, kernel, pid, priority, device, tokens):
        Task.__init__(self, kernel, pid, priority, True)
        self.device = device
        self.jobs = []
        self.tokens = []
        for _ in range(tokens):
            self.tokens.append(Token(pid))

    def has_work(self):
        if not self.jobs:
            return False
        job = self.jobs[0]
        return job.cursor == len(job.data) or len(self.tokens) > 0

    def step(self):
        message = self.receive()
        if message is not None:
            if message.kind == JOB:
                self.jobs.append(message)
            else:
                self.tokens.append(message)
        if not self.jobs:
            return
        job = self.jobs[0]
        if job.cursor == len(job.data):
            self.jobs.pop(0)
            job.cursor = 0
            self.kernel.send(job, job.origin)
        elif self.tokens:
            token = self.tokens.pop()
            token.value = job.data[job.cursor]
            job.cursor += 1
            self.kernel.send(token, self.device)


class DeviceTask(Task):
    """Accepts a token, stays busy (held) until released, then returns it."""

    def __init__(self, kernel, pid, priority):
        Task.__init__(self, kernel, pid, priority, True)
        self.pending = None
        self.checksum = 0

    def has_work(self):
        return self.pending is not None

    def step(self):
        if self.pending is None:
            self.pending = self.receive()
            self.kernel.hold(self)
            return
        token = self.pending
        self.pending = None
        self.checksum = (self.checksum * 3 + token.value) % 1000003
        self.kernel.send(token, token.origin)


def build(ticks):
    kernel = Kernel()
    devices = [10, 11, 12]
    handlers = [20, 21, 22]
    for pid in devices:
        DeviceTask(kernel, pid, 9)
    for k in range(len(handlers)):
        HandlerTask(kernel, handlers[k], 6 + k % 2, devices[k], 2)
    WorkerTask(kernel, 30, 4, handlers)
    ProducerTask(kernel, 40, 2, 30, 3, 6)
    ProducerTask(kernel, 41, 3, 30, 2, 4)
    IdleTask(kernel, 1, ticks, devices)
    return kernel


def run_iteration():
    kernel = build(IDLE_TICKS)
    kernel.run()
    checksums = [kernel.tasks[pid].checksum for pid in (10, 11, 12)]
    return (kernel.switches, kernel.sends, kernel.holds, kernel.releases,
            kernel.tasks[30].salt, checksums)


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
