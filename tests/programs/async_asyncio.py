# Compiled coroutines under asyncio's event loop: run, gather, tasks,
# TaskGroup, cancellation, wait_for and timeout, shield, queues, events,
# locks, async generators with the loop's hooks, and an error that ends
# asyncio.run with CPython's traceback.  Only deterministic output: every
# timeout is either much shorter or much longer than what it waits for.
import asyncio
import inspect


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
    return total


async def forever():
    await asyncio.sleep(3600)


async def failing(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def gathers():
    print("gather", await asyncio.gather(chain(3), chain(4), add(10, 20)))
    res = await asyncio.gather(failing("one"), chain(2), return_exceptions=True)
    print("gather with exceptions", [repr(r) for r in res])
    try:
        await asyncio.gather(chain(1), failing("two"))
    except ValueError as e:
        print("gather raised", e)


async def tasks():
    t = asyncio.create_task(chain(5), name="chainer")
    print(t.get_name(), t.done())
    print("task result", await t, t.done(), t.result())
    print(asyncio.iscoroutine(t.get_coro()), asyncio.iscoroutinefunction(chain))
    print(inspect.iscoroutinefunction(chain), inspect.iscoroutine(t.get_coro()))
    current = asyncio.current_task()
    print("current task coro", current.get_coro().__qualname__)


async def taskgroups():
    results = []

    async def worker(i):
        for _ in range(i):
            await asyncio.sleep(0)
        results.append(i)
        return i * i

    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(worker(i)) for i in range(4)]
    print("taskgroup", results, [t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("in group"))
            tg.create_task(forever())
    except ExceptionGroup as eg:
        print("group failed", [str(e) for e in eg.exceptions])


async def cancellation():
    cleaned = []

    async def guarded():
        try:
            await forever()
        except asyncio.CancelledError:
            cleaned.append("cancelled")
            raise
        finally:
            cleaned.append("finally")

    t = asyncio.create_task(guarded())
    await asyncio.sleep(0)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", t.cancelled(), e.args, cleaned)

    async def swallow():
        try:
            await forever()
        except asyncio.CancelledError:
            return "swallowed"

    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print("swallowed cancel:", await t, t.cancelled())

    inner = asyncio.create_task(chain(3))
    print("shielded", await asyncio.shield(inner))


async def timeouts():
    try:
        await asyncio.wait_for(forever(), 0.01)
    except TimeoutError:
        print("wait_for timed out")
    print("wait_for in time", await asyncio.wait_for(chain(2), 60))
    try:
        async with asyncio.timeout(0.01):
            await forever()
    except TimeoutError:
        print("timeout context expired")
    async with asyncio.timeout(60):
        print("timeout context in time", await chain(3))
    done, pending = await asyncio.wait([asyncio.create_task(chain(1))], timeout=60)
    print("wait", len(done), len(pending))


async def sync_primitives():
    queue = asyncio.Queue()
    out = []

    async def producer():
        for i in range(5):
            await queue.put(i)
            await asyncio.sleep(0)
        await queue.put(None)

    async def consumer():
        while (item := await queue.get()) is not None:
            out.append(item * 10)

    await asyncio.gather(producer(), consumer())
    print("queue", out)

    event = asyncio.Event()
    lock = asyncio.Lock()
    order = []

    async def waiter(i):
        await event.wait()
        async with lock:
            order.append(i)
            await asyncio.sleep(0)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*ws)
    print("event/lock order", order)

    sem = asyncio.Semaphore(2)
    active, peak = 0, 0

    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0)
            active -= 1

    await asyncio.gather(*(limited() for _ in range(5)))
    print("semaphore peak", peak)


async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("  agen finally")


async def async_generators():
    print("agen", [x async for x in agen(3)])
    g = agen(10)
    async for x in g:
        if x == 1:
            break
    # left suspended: the loop's finalizer hook closes it at shutdown
    print("broke out at", x)


async def deep(n):
    if n == 0:
        raise ZeroDivisionError("deep failure")
    await asyncio.sleep(0)
    return await deep(n - 1)


def main():
    for coro_fn in (gathers, tasks, taskgroups, cancellation, timeouts,
                    sync_primitives, async_generators):
        print("--", coro_fn.__name__)
        asyncio.run(coro_fn())
    loop = asyncio.new_event_loop()
    print("run_until_complete", loop.run_until_complete(chain(4)))
    loop.close()
    asyncio.run(deep(3))


main()
