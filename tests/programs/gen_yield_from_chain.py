# Deep `yield from` chains of generators: a resumed chain passes each value
# through every level (the runtime resumes a chain of compiled generators at
# once, docs/runtime.md "Resuming a chain"); everything a level can observe
# must be as when each level is resumed in turn.
import gc
import inspect
import sys
import traceback


# ---- values down and up, return values at every level, chains deeper than
# the runtime resumes at once (it stops every 64 levels)

def leaf(tag):
    total = 0
    while True:
        x = yield (tag, total)
        if x is None:
            return ("leaf", tag, total)
        total += x


def level(k, tag):
    if k == 0:
        r = yield from leaf(tag)
    else:
        r = yield from level(k - 1, tag)
    return (k, r) if k % 50 == 0 else r


for depth in (1, 2, 63, 64, 65, 130):
    g = level(depth, depth)
    out = [next(g)]
    for v in (1, 2, 3):
        out.append(g.send(v))
    try:
        next(g)
    except StopIteration as e:
        out.append(e.value)
    print(depth, out)


# ---- a returned value is released where the level above drops it (SEND
# hands it over): its __del__ runs before the level goes on

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def gives(name):
    yield "gives " + name
    return Noisy(name)


def drops(name):
    yield from gives(name)   # the value is dropped at once
    print("  after dropping", name)
    yield "drops " + name
    kept = yield from gives(name + "-kept")
    print("  kept", kept.name)
    del kept
    yield "end " + name


def above(name):
    yield from drops(name)


for v in above("a"):
    print(v)
gc.collect()


# ---- gi_running, gi_yieldfrom, gi_frame, frames and lines seen from inside

gens = []


def observe():
    names = []
    f = sys._getframe()
    while f is not None and f.f_code.co_name in ("observe", "watcher", "mid"):
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    print("  frames", names)
    print("  running", [g.gi_running for g in gens])
    print("  yieldfrom", [g.gi_yieldfrom for g in gens])
    print("  suspended", [getattr(g, "gi_suspended", None) is not False for g in gens])


def watcher():
    observe()
    x = yield "w1"
    print("  watcher got", x)
    observe()
    yield "w2"


def mid(k):
    if k:
        r = yield from mid(k - 1)
    else:
        r = yield from watcher()
    return r


top = mid(3)
gens[:] = []
print(next(top))
g = top
while g is not None:
    gens.append(g)
    g = g.gi_yieldfrom
print("chain", [g.__name__ for g in gens], [g.gi_frame.f_lineno for g in gens])
print(top.send("hello"))
print("suspended", [g.gi_running for g in gens], [g.gi_yieldfrom is not None for g in gens])


# ---- sys.exc_info() inside: each level's handled exception is its own

def exc_leaf():
    print("  leaf sees", sys.exc_info()[1])
    yield 1
    print("  leaf sees", sys.exc_info()[1])
    try:
        raise KeyError("leaf")
    except KeyError:
        yield 2
        print("  leaf sees", repr(sys.exc_info()[1]))
    yield 3


def exc_mid():
    try:
        raise ValueError("mid")
    except ValueError:
        yield from exc_leaf()
        print("  mid sees", repr(sys.exc_info()[1]))


def exc_top():
    yield from exc_mid()


try:
    raise TypeError("caller")
except TypeError:
    for v in exc_top():
        print(v, "caller sees", repr(sys.exc_info()[1]))
print("outside", sys.exc_info())


# ---- errors crossing levels: tracebacks name every level

def raiser(n):
    yield n
    if n == 2:
        raise ValueError("bottom %d" % n)
    if n == 3:
        raise StopIteration("pep 479")   # RuntimeError at this level
    return n


def relay(k, n):
    if k:
        return (yield from relay(k - 1, n))
    return (yield from raiser(n))


def catching(n):
    try:
        r = yield from relay(3, n)
        print("  returned", r)
    except ValueError as e:
        print("  caught", repr(e))
        yield "recovered"
    except RuntimeError as e:
        print("  caught", repr(e), repr(e.__cause__))
        yield "recovered 479"


for n in (1, 2, 3):
    print(list(catching(n)))

try:
    for v in relay(4, 2):
        print(v)
except ValueError:
    traceback.print_exc(file=sys.stdout)


# ---- throw and close through a deep chain; finally blocks at every level

def fin(k):
    try:
        if k:
            r = yield from fin(k - 1)
        else:
            try:
                r = yield "bottom"
            except KeyError as e:
                print("  bottom caught", repr(e))
                r = yield "after catch"
        return r
    finally:
        print("  finally", k)


g = fin(3)
print(next(g))
print(g.throw(KeyError("thrown")))
try:
    g.send("value")
except StopIteration as e:
    print("stop", e.value)

g = fin(3)
next(g)
g.close()
print("closed", g.gi_frame)

g = fin(2)
next(g)
try:
    g.throw(IndexError("not caught"))
except IndexError as e:
    print("through", repr(e))


# ---- re-entering a level of the running chain

def reenter():
    try:
        next(chain_top)
    except ValueError as e:
        print("  reenter:", e)
    try:
        chain_top.send(1)
    except ValueError as e:
        print("  reenter send:", e)
    try:
        chain_mid.throw(KeyError)
    except ValueError as e:
        print("  reenter throw:", e)
    yield "r1"
    yield "r2"


def chain_of(g):
    return (yield from g)


chain_mid = chain_of(reenter())
chain_top = chain_of(chain_mid)
print(list(chain_top))


# ---- a level finished from inside: the chain ends there

def closer():
    yield "c1"
    print("  closing mid from inside:", end=" ")
    try:
        inner_mid.close()
    except ValueError as e:
        print(e)
    yield "c2"


inner_mid = chain_of(closer())
print(list(chain_of(inner_mid)))


# ---- delegates that are not compiled generators break the chain

def plain_iter_level():
    yield from iter([10, 20])
    yield from range(2)
    return "plain"


def wrap(g):
    r = yield from g
    print("  wrapped returned", r)
    return r


print(list(wrap(wrap(plain_iter_level()))))
ns = {}
exec("def interp(g):\n    r = yield from g\n    return r\n", ns)
print(list(wrap(ns["interp"](wrap(leaf_values := iter([1, 2, 3]))))))


# ---- the recursion limit: a chain deeper than the limit raises RecursionError

def deep(k):
    if k:
        yield from deep(k - 1)
    else:
        yield "deep bottom"
        yield "deep again"


chain = deep(300)
print(next(chain))
levels = [chain]   # all kept: none is closed while the limit is low
while levels[-1].gi_yieldfrom is not None:
    levels.append(levels[-1].gi_yieldfrom)
limit = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    next(chain)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(limit)
states = [inspect.getgeneratorstate(g) for g in levels]
closed = states.count("GEN_CLOSED")
# the levels above the one that raised are closed, those below untouched
print("states", states == ["GEN_CLOSED"] * closed + ["GEN_SUSPENDED"] * (301 - closed),
      100 < closed < 130)
print("bottom", levels[-1].gi_frame.f_lineno, "top", chain.gi_frame)
del chain, levels


# ---- coroutines awaiting coroutines: the same chain through await

class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield ("pause", self.tag)
        print("  pause got", got, [c.cr_running for c in coros])
        if got == "boom":
            raise ValueError("boom in pause")
        return got


async def coro_leaf():
    a = await Pause(1)
    b = await Pause(2)
    return a + b


async def coro_mid(k):
    if k:
        return await coro_mid(k - 1)
    return await coro_leaf()


coros = []
c = coro_mid(3)
print(c.send(None))
x = c
while hasattr(x, "cr_await") and x.cr_await is not None:
    coros.append(x)
    x = x.cr_await
print("awaiting", [type(x).__name__ for x in coros], [x.cr_running for x in coros])
print(c.send("a"))
try:
    c.send("b")
except StopIteration as e:
    print("coroutine returned", e.value)

c = coro_mid(2)
c.send(None)
try:
    c.send("boom")
except ValueError:
    traceback.print_exc(file=sys.stdout)
