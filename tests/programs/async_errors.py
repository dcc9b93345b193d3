# Errors around coroutines: tracebacks through await, async with, async for
# and async generators (printed and compared), "never awaited" warnings
# (stderr is compared, with and without origin tracking), exception context
# and suppression, and an uncaught error leaving through an async with.
import gc
import sys
import traceback
import warnings


class Suspend:
    def __await__(self):
        return (yield "suspended")


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def show(label, fn):
    try:
        fn()
    except BaseException:
        print("--", label)
        traceback.print_exc(file=sys.stdout)


async def level3(kind):
    await Suspend()
    if kind == "key":
        return {}["missing"]
    raise RuntimeError("level3 " + kind)


async def level2(kind):
    return await level3(kind)


async def level1(kind):
    value = await level2(kind)
    return value


show("await chain", lambda: run(level1("boom")))
show("await chain KeyError", lambda: run(level1("key")))


class Manager:
    def __init__(self, fail_enter=False, fail_exit=False):
        self.fail_enter, self.fail_exit = fail_enter, fail_exit

    async def __aenter__(self):
        await Suspend()
        if self.fail_enter:
            raise ConnectionError("enter failed")
        return self

    async def __aexit__(self, et, ev, tb):
        await Suspend()
        if self.fail_exit:
            raise OSError("exit failed")
        return False


async def with_body_error():
    async with Manager():
        raise LookupError("in body")


async def with_enter_error():
    async with Manager(fail_enter=True):
        print("not reached")


async def with_exit_error():
    async with Manager(fail_exit=True):
        raise LookupError("original")


show("async with body", lambda: run(with_body_error()))
show("async with __aenter__", lambda: run(with_enter_error()))
show("async with __aexit__", lambda: run(with_exit_error()))


class BadIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n == 3:
            raise ArithmeticError("anext failed")
        await Suspend()
        return self.n


async def for_error():
    async for i in BadIter():
        print("  item", i)


async def for_body_error():
    async for i in BadIter():
        raise TypeError("body %d" % i)


show("async for __anext__", lambda: run(for_error()))
show("async for body", lambda: run(for_body_error()))


async def agen():
    yield 1
    await Suspend()
    raise NotImplementedError("agen body")


async def agen_consumer():
    async for x in agen():
        print("  agen gave", x)


show("async generator", lambda: run(agen_consumer()))


def thrown():
    c = level1("x")
    c.send(None)
    c.throw(PermissionError("thrown in"))


show("throw", thrown)


# never awaited: the warning names the coroutine, the line where it is lost
async def never():
    return 1


def lose_one():
    never()


lose_one()
gc.collect()
print("after first warning")

coros = [never(), never()]
del coros
gc.collect()
print("after list")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    never()
    gc.collect()
print("recorded", [str(w.message) for w in caught], [w.category.__name__ for w in caught])

def unraisable(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, "in", type(u.object).__name__)


sys.unraisablehook = unraisable
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        never()
        gc.collect()
    except RuntimeWarning as e:
        print("not raised here:", e)
print("as error: reported as unraisable, not raised")
sys.unraisablehook = sys.__unraisablehook__

sys.set_coroutine_origin_tracking_depth(2)
c = never()
print("origin", [(line, name) for _, line, name in c.cr_origin])
del c
gc.collect()
sys.set_coroutine_origin_tracking_depth(0)
print("origin off", never().cr_origin)
gc.collect()


# an exception leaving the program through an async with and awaits
async def main():
    async with Manager():
        await level1("final")


run(main())
