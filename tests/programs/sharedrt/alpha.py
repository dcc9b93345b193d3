"""The caller side: calls into beta, delegates to beta's generators."""
from . import beta
from .beta import Counter


def f(x):
    return beta.g(x) + 1


def gen(n):
    result = yield from beta.gen(n)
    yield result
    yield "alpha-done"


def fail(x):
    return beta.boom(x) + 1


def swap_target(x):
    return -x


def clear_frame(g):
    g.gi_frame.clear()


def split(eg):
    return eg.split(beta.pred)


def count(n):
    c = Counter(n)
    c.bump()
    return c.bump(by=10)


def apply(fn, *args):
    return fn(*args)


async def coro(x):
    return x * 2


async def agen(n):
    for i in range(n):
        yield i
