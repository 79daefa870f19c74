# Checks async with (__aenter__/__aexit__) and async for (__aiter__/__anext__) plus async generators, driven manually.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class AsyncCtx:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError

async def use_ctx():
    async with AsyncCtx("one") as v:
        print("inside", v)
    async with AsyncCtx("two"):
        raise KeyError("suppressed")
    try:
        async with AsyncCtx("three"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ctx done"
print(run(use_ctx()))

class ACounter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

async def use_iter():
    out = []
    async for v in ACounter(4):
        out.append(v)
    return out
print(run(use_iter()))

async def agen(n):
    for i in range(n):
        yield i * i

async def use_agen():
    out = []
    async for v in agen(5):
        out.append(v)
    comp = [v async for v in agen(3)]
    return out, comp
print(run(use_agen()))
print(type(agen(1)).__name__)
print(issubclass(StopAsyncIteration, Exception))
