# Async generators driven by hand and by a tiny loop: asend/athrow/aclose,
# __anext__, the awaitables' protocol errors, finalization through
# sys.set_asyncgen_hooks, ag_* attributes, async comprehensions and
# asynchronous generator expressions.
import gc
import inspect
import sys
import types


class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


def run(coro):
    """Drives coro, answering each suspension with None; its result."""
    try:
        while True:
            tag = coro.send(None)
            print("    (loop saw %r)" % (tag,))
    except StopIteration as e:
        return e.value


def step(awaitable):
    """One awaitable of an async generator (asend, athrow, ...) to its end."""
    it = awaitable.__await__()
    try:
        while True:
            tag = it.send(None)
            print("    (step saw %r)" % (tag,))
    except StopIteration as e:
        return e.value


async def ticker(n):
    try:
        for i in range(n):
            sent = yield i
            if sent is not None:
                print("  ticker got", sent)
            await Suspend("after %d" % i)
    except ZeroDivisionError as e:
        print("  ticker caught", e)
        yield "recovered"
    finally:
        print("  ticker finally")


print(inspect.isasyncgenfunction(ticker), inspect.iscoroutinefunction(ticker),
      bool(ticker.__code__.co_flags & inspect.CO_ASYNC_GENERATOR))
g = ticker(3)
print(type(g).__name__, isinstance(g, types.AsyncGeneratorType), inspect.isasyncgen(g))
print(g.__name__, g.__qualname__, g.ag_code.co_name, g.ag_running, g.ag_await,
      g.ag_frame.f_code.co_name)
print(g.__aiter__() is g)

print("first", step(g.__anext__()))
print("asend", step(g.asend("hello")))
print("ag_frame line", g.ag_frame.f_lineno)
print("athrow", step(g.athrow(ZeroDivisionError("zero"))))
print("aclose", step(g.aclose()))
try:
    step(g.__anext__())
except StopAsyncIteration:
    print("exhausted after aclose")
print("aclose again", step(g.aclose()))

# the awaitables can be used once
g = ticker(5)
a = g.__anext__()
print(step(a))
try:
    step(a)
except RuntimeError as e:
    print("RuntimeError:", e)
t = g.athrow(ValueError("v"))
try:
    step(t)
except ValueError as e:
    print("ValueError through athrow:", e)
try:
    step(t)
except RuntimeError as e:
    print("RuntimeError:", e)
print("after error", g.ag_frame)

# send a value into a fresh asend before it starts
g = ticker(2)
try:
    g.asend("early").send("other")
except TypeError as e:
    print("TypeError:", e)


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refused"


g = ignores_exit()
step(g.__anext__())
try:
    step(g.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)


async def raises_stop():
    yield 1
    raise StopAsyncIteration


async def raises_stopiter():
    yield 1
    raise StopIteration


for f in (raises_stop, raises_stopiter):
    g = f()
    step(g.__anext__())
    try:
        step(g.__anext__())
    except RuntimeError as e:
        print("RuntimeError:", e, "cause", type(e.__cause__).__name__)


async def running_check():
    await Suspend("inside")
    yield 1


g = running_check()
a = g.__anext__()
a.send(None)
print("ag_running", g.ag_running, "ag_await", type(g.ag_await).__name__)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    g.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a.send(None)
except StopIteration as e:
    print("value", e.value)


# async for over async generators, break closes nothing by itself
async def consumer():
    async for v in ticker(3):
        print("  consumed", v)
    gen = ticker(10)
    async for v in gen:
        if v == 1:
            break
    print("  after break, suspended:", gen.ag_frame is not None)
    await gen.aclose()
    print("  closed:", gen.ag_frame)
    print("  list", [v async for v in ticker(2)])
    print("  dict", {v: str(v) async for v in ticker(2) if v})
    print("  await in comp", [await Suspend(v) for v in range(2)])
    gexp = (v * 10 async for v in ticker(3))
    print("  genexp", type(gexp).__name__, [x async for x in gexp])
    return "consumer done"


print(run(consumer()))


def sync_maker():
    # an asynchronous generator expression in a plain function
    return (await Suspend(v) for v in range(2))


async def use_sync():
    return [x async for x in sync_maker()]


print(run(use_sync()))


# finalization: sys.set_asyncgen_hooks' firstiter and finalizer
pending = []


def firstiter(agen):
    print("  firstiter", agen.__qualname__)


def finalizer(agen):
    print("  finalizer", agen.__qualname__)
    pending.append(agen)


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
try:
    g = ticker(4)
    print("hooks not called yet")
    step(g.__anext__())
    del g
    gc.collect()
    print("pending", len(pending))
    print("closing", step(pending.pop().aclose()))
    g = ticker(4)
    step(g.__anext__())
    step(g.aclose())
    del g   # closed: no finalizer call
    gc.collect()
    print("pending", len(pending))
finally:
    sys.set_asyncgen_hooks(*old)

# without hooks, an unfinished async generator is closed synchronously
g = ticker(4)
step(g.__anext__())
del g
gc.collect()
print("end")


async def no_hooks_error():
    try:
        yield 1
    finally:
        await Suspend("cannot await here")


g = no_hooks_error()
step(g.__anext__())
try:
    step(g.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)
