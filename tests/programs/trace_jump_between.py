# A debugger's jump from the body of one with statement (or loop) into
# another's, in code compiled --debuggable: 3.11 allows it kind by kind,
# and the first one's __exit__ (iterator) serves where the second's is
# expected (called at the second's end, iterated by the second loop); the
# compiled code moves it into the second's slot (docs/runtime.md, "Jumps").
# pyc2c-options: --debuggable
# skip-on-python: 3.10 jumps are refused there (pyc2c's message): 3.10's setter has other rules
# skip-on-python: 3.12 jumps are refused there (pyc2c's message): 3.12's stacks differ
# skip-on-python: 3.13 jumps are refused there (pyc2c's message): 3.13's stacks differ
import sys

class Jumper:
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


def run(func, frm, to):
    out = []
    sys.settrace(Jumper(func, frm, to).trace)
    try:
        func(out)
    except Exception as e:
        print('  raised', type(e).__name__, e)
    sys.settrace(None)
    print(func.__name__, frm, to, out)


class Context:
    def __init__(self, out, v):
        self.out, self.v = out, v
    def __enter__(self):
        self.out.append(self.v)
        return self.v
    def __exit__(self, *exc):
        self.out.append(-self.v)
    def __del__(self):
        print('  context', self.v, 'finalized')


class Noisy:
    def __init__(self, name, items):
        self.name, self.it = name, iter(items)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self.it)
    def __del__(self):
        print('  iterator', self.name, 'finalized')


def withs(out):
    out.append(1)
    with Context(out, 2):
        out.append(3)
    with Context(out, 4) as y:
        out.append(5)
        out.append(6)
    out.append(7)


def loops(out):
    for i in Noisy('a', [1, 2]):
        out.append(2)
    for j in Noisy('b', [4, 5, 6]):
        out.append(4)
        out.append(5)
    out.append(6)


class Step:
    def __await__(self):
        yield


class AsyncContext:
    def __init__(self, out, v):
        self.out, self.v = out, v

    async def __aenter__(self):
        await Step()
        self.out.append(self.v)

    async def __aexit__(self, *exc):
        await Step()
        self.out.append(-self.v)


async def async_withs(out):
    async with AsyncContext(out, 1):
        out.append(2)
    async with AsyncContext(out, 4):
        out.append(5)
    out.append(6)


def run_coro(func, frm, to):
    out = []
    sys.settrace(Jumper(func, frm, to).trace)
    coro = func(out)
    try:
        while True:
            coro.send(None)
    except StopIteration:
        pass
    sys.settrace(None)
    print(func.__name__, frm, to, out)


def mixed(out):
    for i in Noisy('a', [1]):
        out.append(2)
    with Context(out, 3):
        out.append(4)


run(withs, 3, 6)     # from one with's body into another's: its __exit__ serves
run(withs, 6, 3)     # and backward
run(withs, 3, 5)
run(loops, 2, 5)     # from one loop's body into another's: its iterator goes on
run(loops, 5, 2)
run(mixed, 4, 2)     # an __exit__ where an iterator is expected: refused
print('async with')
run_coro(async_withs, 2, 4)   # from one async with's body into another's
run_coro(async_withs, 4, 2)   # and backward
