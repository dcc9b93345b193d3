# What close() returns: from 3.13 on, the value a generator or coroutine
# returns after catching the GeneratorExit (None before 3.13, and None
# whenever the GeneratorExit went through or the frame had already ended).
import types


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 0


def returns_none_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return


def lets_exit_through():
    yield 1
    return 7


def returns_from_finally():
    try:
        yield 1
    finally:
        return "from finally"


def delegating():
    # the delegate is closed first; its value is not this generator's
    try:
        yield from returns_on_exit()
    except GeneratorExit:
        return "outer"


def show(label, gen, start=True):
    if start:
        next(gen)
    print(label, repr(gen.close()), repr(gen.close()))


show("returns 0:", returns_on_exit())
show("returns None:", returns_none_on_exit())
show("not caught:", lets_exit_through())
show("finally:", returns_from_finally())
show("delegating:", delegating())
show("never started:", returns_on_exit(), start=False)

exhausted = returns_on_exit()
next(exhausted)
try:
    next(exhausted)
except StopIteration:
    pass
print("exhausted:", repr(exhausted.close()))


@types.coroutine
def suspend():
    yield


async def coro():
    try:
        await suspend()
    except GeneratorExit:
        return 5


c = coro()
c.send(None)
print("coroutine:", repr(c.close()))


def raises_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("while closing")


g = raises_on_exit()
next(g)
try:
    g.close()
except ValueError as e:
    print("raised:", e)
