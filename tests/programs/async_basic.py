# Coroutines driven by hand: await chains, send/throw/close, the coroutine
# protocol's errors, introspection (inspect, cr_*), async with, async for.
import inspect
import sys
import traceback
import types


class Suspend:
    """An awaitable that suspends once, handing `tag` to the driver."""
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        sent = yield self.tag
        return sent


async def leaf(x):
    got = await Suspend(("leaf", x))
    if x < 0:
        raise ValueError("negative %d" % x)
    return (x, got)


async def middle(x):
    try:
        return await leaf(x)
    finally:
        print("  middle finally", x)


async def top(n):
    total = []
    for i in range(n):
        total.append(await middle(i))
    return total


def drive(coro, label):
    """Runs coro to the end, sending back a string for each suspension."""
    print(label, inspect.getcoroutinestate(coro))
    value = None
    step = 0
    while True:
        try:
            tag = coro.send(value)
        except StopIteration as stop:
            print("  returned", stop.value, inspect.getcoroutinestate(coro))
            return stop.value
        step += 1
        print("  suspended with", tag, "state", inspect.getcoroutinestate(coro),
              "running", coro.cr_running, "await", type(coro.cr_await).__name__)
        value = "reply%d" % step


drive(top(3), "top(3)")

# exceptions through the await chain, traceback included
try:
    drive(middle(-4), "middle(-4)")
except ValueError:
    traceback.print_exc(file=sys.stdout)

# introspection
print(inspect.iscoroutinefunction(top), inspect.iscoroutinefunction(drive))
print(inspect.isasyncgenfunction(top), inspect.isgeneratorfunction(top))
print(bool(top.__code__.co_flags & inspect.CO_COROUTINE))
c = top(1)
print(type(c).__name__, isinstance(c, types.CoroutineType), inspect.iscoroutine(c),
      inspect.isawaitable(c))
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_frame.f_code.co_name,
      c.cr_await, c.cr_running, c.cr_suspended)
c.send(None)
print("suspended at line", c.cr_frame.f_lineno, "awaiting", c.cr_await.__qualname__)
print("inner frame", c.cr_await.cr_await.cr_frame.f_code.co_name)
c.close()
print("closed", inspect.getcoroutinestate(c), c.cr_frame)


# throw into a suspended chain: caught at the leaf's await or not
async def catcher():
    try:
        await Suspend("waiting")
    except KeyError as e:
        print("  catcher caught", repr(e))
        return "recovered"


c = catcher()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("throw -> StopIteration", e.value)

c = middle(9)
c.send(None)
try:
    c.throw(IndexError, IndexError("idx"))
except IndexError as e:
    print("throw propagated", e)

# close(): GeneratorExit runs finally blocks; ignoring it is an error
c = middle(7)
c.send(None)
c.close()
c.close()   # a second close does nothing


async def stubborn():
    ignored = 0
    while ignored < 2:
        try:
            await Suspend("again")
        except GeneratorExit:
            ignored += 1
            print("  ignoring GeneratorExit", ignored)


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()   # returns at the second one

# protocol errors
c = leaf(1)
try:
    c.send("early")
except TypeError as e:
    print("TypeError:", e)
c.close()

c = leaf(2)
c.send(None)
try:
    c.send("x")
except StopIteration as e:
    print("done", e.value)
for action in ("send", "throw", "close"):
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError("late"))
        else:
            print("close ->", c.close())
    except Exception as e:
        print(action, "->", type(e).__name__, e)


async def awaits(x):
    return await x


for bad in (3, None, "s"):
    try:
        awaits(bad).send(None)
    except TypeError as e:
        print("TypeError:", e)


class AwaitReturnsCoroutine:
    def __await__(self):
        return leaf(0)


class AwaitReturnsList:
    def __await__(self):
        return [1, 2]


for obj in (AwaitReturnsCoroutine(), AwaitReturnsList()):
    try:
        awaits(obj).send(None)
    except TypeError as e:
        print("TypeError:", e)

inner = leaf(5)
outer = awaits(inner)
outer.send(None)
try:
    awaits(inner).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
outer.close()


async def raises_stop():
    raise StopIteration("s")


try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "from", type(e.__cause__).__name__)


async def running():
    c.send(None)


c = running()
try:
    c.send(None)
except ValueError as e:
    print("ValueError:", e)

# coroutine.__await__() and its wrapper
c = leaf(8)
w = c.__await__()
print(type(w).__name__, iter(w) is w, next(w))
try:
    w.send("via wrapper")
except StopIteration as e:
    print("wrapper returned", e.value)


# types.coroutine generators are awaitable (a compiled generator function
# gets types.coroutine's wrapper, so cr_await is not shown)
@types.coroutine
def legacy(x):
    got = yield ("legacy", x)
    return got * 2


async def use_legacy():
    return await legacy(1) + await legacy(2)


c = use_legacy()
print(c.send(None))
print(c.send("a"))
try:
    c.send("b")
except StopIteration as e:
    print("use_legacy returned", e.value)


# async with: protocol order, suppression, exceptions in the body and in __aexit__
class Manager:
    def __init__(self, name, suppress=False, fail_exit=False):
        self.name, self.suppress, self.fail_exit = name, suppress, fail_exit

    async def __aenter__(self):
        print("  enter", self.name, await Suspend("enter " + self.name))
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print("  exit", self.name, et and et.__name__, ev, tb is not None)
        await Suspend("exit " + self.name)
        if self.fail_exit:
            raise OSError("exit failed")
        return self.suppress


async def withs():
    async with Manager("a") as a, Manager("b") as b:
        print("  body", a, b)
    async with Manager("quiet", suppress=True):
        raise KeyError("suppressed")
    try:
        async with Manager("loud"):
            raise ValueError("propagates")
    except ValueError as e:
        print("  caught", e)
    try:
        async with Manager("bad", fail_exit=True):
            raise ValueError("replaced")
    except OSError as e:
        print("  caught", e, "context", repr(e.__context__))
    for i in range(3):
        async with Manager("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
    async with Manager("ret"):
        return "returned through __aexit__"


drive(withs(), "withs")


class NotAsync:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


class NoAexit:
    async def __aenter__(self):
        return 1


class SyncAenter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *args):
        return False


class SyncAexit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *args):
        return False


async def bad_with(mgr):
    async with mgr:
        return "body ran"


for mgr in (NotAsync(), NoAexit(), SyncAenter(), SyncAexit()):
    try:
        print(drive(bad_with(mgr), type(mgr).__name__))
    except TypeError as e:
        print("TypeError:", e)


# async for: StopAsyncIteration, break, continue, else, errors of the protocol
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("tick %d" % self.n)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def fors():
    async for i in Countdown(3):
        print("  i =", i)
    else:
        print("  else ran")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print("  j =", i)
    else:
        print("  not printed")
    async for a, b in PairIter():
        print("  pair", a, b)
    return "fors done"


class PairIter:
    def __init__(self):
        self.items = [(1, 2), (3, 4)]

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


drive(fors(), "fors")


class BadAiter:
    def __aiter__(self):
        return 42


class NoAnext:
    def __aiter__(self):
        return self


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


class AnextRaises:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise LookupError("from __anext__")


async def bad_for(obj):
    async for x in obj:
        print("  got", x)


for obj in (5, BadAiter(), NoAnext(), AnextNotAwaitable(), AnextRaises()):
    try:
        drive(bad_for(obj), type(obj).__name__)
    except (TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e, "| cause:", repr(e.__cause__))

# an uncaught error through awaits ends the program with CPython's traceback
drive(top(2), "again")
c = middle(-1)
c.send(None)
c.send("last")
