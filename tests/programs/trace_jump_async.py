# A debugger's jump (frame.f_lineno = N in a trace hook's 'line' event)
# inside generators and coroutines compiled --debuggable: performed where
# 3.11 performs it, across the yields and awaits of the resumable body,
# with what it pops released as CPython releases it (a for or async for
# loop's iterator, an async with's __aexit__ dropped uncalled, a handler's
# saved exception restored), and refused with 3.11's messages where it
# refuses (docs/runtime.md, "Jumps").  The async cases follow
# test_sys_settrace's JumpTestCase, which runs them under asyncio.run.
# pyc2c-options: --debuggable
# skip-on-python: 3.10 jumps are refused there (pyc2c's message): 3.10's setter has other rules
# skip-on-python: 3.12 jumps are refused there (pyc2c's message): 3.12's stacks differ
# skip-on-python: 3.13 jumps are refused there (pyc2c's message): 3.13's stacks differ
import asyncio
import sys


class Jumper:
    """Jumps once from line `frm` to line `to` of func (both relative to its
    def line), printing the setter's ValueError if it refuses."""

    def __init__(self, func, frm, to):
        self.code = func.__code__
        self.frm = self.code.co_firstlineno + frm
        self.to = self.code.co_firstlineno + to
        self.done = False

    def trace(self, frame, event, arg):
        if self.done:
            return None
        if event == 'line' and frame.f_code is self.code and frame.f_lineno == self.frm:
            self.done = True
            try:
                frame.f_lineno = self.to
            except ValueError as e:
                print('  ValueError:', e)
        return self.trace


def drive(coro):
    """Runs a coroutine that awaits only Step: each await suspends once."""
    try:
        while True:
            coro.send(None)
    except StopIteration:
        pass


def run(func, frm, to, use_asyncio=False):
    out = []
    sys.settrace(Jumper(func, frm, to).trace)
    try:
        if use_asyncio:
            asyncio.run(func(out))
        else:
            drive(func(out))
    except Exception as e:
        print('  raised', type(e).__name__, e)
    sys.settrace(None)
    print(func.__name__, frm, to, out)


def run_gen(func, frm, to):
    out = []
    sys.settrace(Jumper(func, frm, to).trace)
    try:
        out.append(list(func(out)))
    except Exception as e:
        print('  raised', type(e).__name__, e)
    sys.settrace(None)
    print(func.__name__, frm, to, out)


class Step:
    """An awaitable that suspends the coroutine once."""

    def __await__(self):
        yield


class AsyncNoisy:
    """An async iterator over items, each step suspending once, that says
    when it is finalized."""

    def __init__(self, items):
        self.it = iter(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Step()
        try:
            return next(self.it)
        except StopIteration:
            raise StopAsyncIteration

    def __del__(self):
        print('  async iterator finalized')


class AsyncContext:
    def __init__(self, out, v):
        self.out, self.v = out, v

    async def __aenter__(self):
        await Step()
        self.out.append(self.v)

    async def __aexit__(self, *exc):
        await Step()
        self.out.append(-self.v)

    def __del__(self):
        print('  context finalized')


class Noisy:
    """An iterable whose iterator says when it is finalized."""

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return NoisyIter(self.items)


class NoisyIter:
    def __init__(self, items):
        self.it = iter(items)

    def __next__(self):
        return next(self.it)

    def __del__(self):
        print('  iterator finalized')


async def awaits(out):
    out.append(1)
    await Step()
    out.append(3)
    await Step()
    out.append(5)


async def async_for(out):
    for i in [1]:
        async for i in AsyncNoisy([1, 2]):
            out.append(3)
            out.append(4)
        out.append(5)
    out.append(6)


async def async_for_else(out):
    out.append(1)
    if not out:
        async for i in AsyncNoisy([3]):
            out.append(4)
    else:
        out.append(6)
        out.append(7)
    out.append(8)


async def async_with(out):
    out.append(1)
    async with AsyncContext(out, 2):
        out.append(3)
    out.append(4)


async def async_withs(out):
    async with AsyncContext(out, 1):
        out.append(2)
    async with AsyncContext(out, 4):
        out.append(5)
    out.append(6)


async def handlers(out):
    out.append(1)
    try:
        await Step()
        1 / 0
    except ZeroDivisionError as e:
        await Step()
        out.append(7)
        out.append(8)
    out.append((sys.exc_info()[0], repr(e)))


async def unbound(out):
    x = 1
    await Step()
    out.append(x)


async def comprehension(out):
    out.append(1)
    x = [i async for i in AsyncNoisy(range(3))]
    out.append(x)


def gen_loop(out):
    out.append(1)
    for i in Noisy([1, 2]):
        yield i
        out.append(4)
    out.append(5)
    yield 6


def gen_yields(out):
    out.append(1)
    x = yield 2
    out.append(3)
    yield 4
    out.append(5)


def gen_handler(out):
    try:
        1 / 0
    except ZeroDivisionError:
        yield 4
        out.append(5)
        out.append(6)
    out.append(sys.exc_info()[0])


print('awaits')
run(awaits, 3, 5)            # forward over an await
run(awaits, 5, 1)            # backward over two awaits
run(awaits, 0, 3)            # to the def line: refused as 3.11 refuses it
run(awaits, 3, 0)
print('async for')
run(async_for, 4, 5)         # out of the async for: its iterator released
run(async_for, 4, 6)         # out of both loops
run(async_for, 5, 1)         # back to the for line: a fresh loop
run(async_for, 5, 2)         # back to the async for line
run(async_for, 1, 3)         # into the async for's body: refused
run(async_for, 5, 3)         # into it from the outer loop's body: refused
run(async_for, 4, 3)         # backward inside the body
run(async_for_else, 1, 7)    # over the async for into the else block
run(async_for_else, 7, 4)    # into the async for's body: refused
print('async with')
run(async_with, 3, 4)        # out of the body: __aexit__ not called
run(async_with, 3, 1)        # backward out of it
run(async_with, 1, 3)        # into the body: refused
run(async_with, 2, 4)        # over the whole statement
run(async_withs, 2, 5)       # into another with's body: refused
run(async_with, 3, 4, use_asyncio=True)
print('try/except')
run(handlers, 8, 9)          # out of a handler: the exception before is back
run(handlers, 1, 4)          # into the try body
run(handlers, 1, 7)          # into the handler: refused
print('others')
run(unbound, 1, 3)           # over an assignment: UnboundLocalError
run(comprehension, 3, 1)     # backward over an async comprehension
run(comprehension, 1, 3)
print('generators')
run_gen(gen_loop, 4, 5)      # out of the loop after a yield
run_gen(gen_loop, 4, 1)      # backward, out of the loop
run_gen(gen_loop, 5, 3)      # into the loop's body: refused
run_gen(gen_yields, 3, 5)    # over a yield
run_gen(gen_yields, 5, 1)    # backward over two yields
run_gen(gen_handler, 5, 7)   # out of a handler, after a yield in it
run_gen(gen_handler, 6, 5)   # inside the handler
