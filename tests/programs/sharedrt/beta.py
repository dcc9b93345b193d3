"""The callee side: plain functions, generators, a raising function."""


def g(x):
    return x * 2


def gen(n):
    for i in range(n):
        yield i
    return "beta-returned"


def boom(x):
    if x > 2:
        raise ValueError("boom %d" % x)
    return x


def pred(e):
    return isinstance(e, ValueError)


def suspended():
    try:
        yield "first"
        yield "second"
    finally:
        print("beta.suspended: finally ran")


class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, by=1):
        self.n += by
        return self.n


async def coro(x):
    from sharedrt import alpha
    return await alpha.coro(x) + 1


async def agen(n):
    from sharedrt import alpha
    async for v in alpha.agen(n):
        yield -v
