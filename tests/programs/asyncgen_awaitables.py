# The awaitables of an async generator (asend, athrow, aclose) driven by
# hand: throw() and close() while the generator runs for another awaitable,
# close() of one whose generator ignores GeneratorExit, a second throw()
# into a finished one, and the RuntimeWarning of one never awaited.  3.13
# changed each of these (genobject.c's async_gen_asend_* and
# async_gen_athrow_*); the program prints what the target does, so it
# checks 3.10 to 3.12's answers as well as 3.13's.
import gc
import sys
import types
import warnings


@types.coroutine
def suspend(value):
    return (yield value)


class MyExc(Exception):
    pass


def unraisable(u):
    """Where 3.10 to 3.12 close a generator at its collection (no object
    address in the output)."""
    print("unraisable:", type(u.exc_value).__name__, u.exc_value)


sys.unraisablehook = unraisable


def show(label, call):
    try:
        result = call()
    except BaseException as e:
        print(label, "raised", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


def warnings_of(label, body):
    """body() and a collection; the warnings they gave (message only)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        body()
        gc.collect()
    for w in caught:
        print(label, "warned", w.category.__name__, w.message)
    if not caught:
        print(label, "no warning")


async def awaits_forever():
    while True:
        try:
            await suspend(None)
        except MyExc:
            pass
    return
    yield


async def yields_then_awaits():
    try:
        yield
    except MyExc:
        pass
    while True:
        try:
            await suspend(None)
        except MyExc:
            pass


async def two():
    yield 1
    yield 2


def concurrent_with_send():
    print("-- another awaitable throws while an asend runs")
    agen = awaits_forever()
    running = agen.asend(None)
    running.send(None)
    second = agen.asend(None)
    show("asend().throw", lambda: second.throw(MyExc))
    show("  then send", lambda: second.send(None))
    show("ag_running", lambda: agen.ag_running)
    athrow = agen.athrow(MyExc)
    show("athrow().throw", lambda: athrow.throw(MyExc))
    show("  then send", lambda: athrow.send(None))
    aclose = agen.aclose()
    show("aclose().throw", lambda: aclose.throw(MyExc))
    show("  then send", lambda: aclose.send(None))
    late = agen.asend(None)
    show("asend().send", lambda: late.send(None))
    show("  then send", lambda: late.send(None))
    late = agen.asend(None)
    show("asend().close", lambda: late.close())
    late = agen.athrow(MyExc)
    show("athrow().close", lambda: late.close())
    show("running asend().throw", lambda: running.throw(MyExc))
    show("running asend().close", lambda: running.close())
    show("  then send", lambda: running.send(None))


def concurrent_with_throw():
    print("-- another awaitable throws while an athrow runs")
    agen = yields_then_awaits()
    show("first asend", lambda: agen.asend(None).send(None))
    running = agen.athrow(MyExc)
    show("athrow().throw", lambda: running.throw(MyExc))
    second = agen.asend(MyExc)
    show("asend().throw", lambda: second.throw(MyExc))
    show("  then send", lambda: second.send(None))
    third = agen.athrow(None)
    show("athrow(None).throw", lambda: third.throw(MyExc))
    show("  then send", lambda: third.send(None))
    show("running athrow send", lambda: running.send(None))
    show("running athrow close", lambda: running.close())


async def ignores_exit_in_await():
    try:
        await suspend(None)
    except GeneratorExit:
        await suspend(None)
    return
    yield


async def ignores_exit_after_throw():
    try:
        yield
    except MyExc:
        try:
            await suspend(None)
        except GeneratorExit:
            await suspend(None)


def close_ignored():
    print("-- close() of an awaitable whose generator ignores GeneratorExit")
    agen = ignores_exit_in_await()
    asend = agen.asend(None)
    show("asend send", lambda: asend.send(None))
    show("asend close", lambda: asend.close())
    show("  close again", lambda: asend.close())
    show("  then send", lambda: asend.send(None))
    del agen, asend
    gc.collect()
    agen = ignores_exit_after_throw()
    show("first asend", lambda: agen.asend(None).send(None))
    athrow = agen.athrow(MyExc)
    show("athrow send", lambda: athrow.send(None))
    show("athrow close", lambda: athrow.close())
    show("  close again", lambda: athrow.close())
    del agen, athrow
    gc.collect()


def close_unstarted():
    print("-- close() of an awaitable never iterated")
    for method in ("asend", "athrow", "aclose"):
        agen = two()
        if method == "asend":
            awaitable = agen.asend(None)
        elif method == "athrow":
            awaitable = agen.athrow(MyExc)
        else:
            awaitable = agen.aclose()
        show(method + " close", lambda: awaitable.close())
        show("  then send", lambda: awaitable.send(None))
        show("  the generator's next", lambda: agen.asend(None).send(None))


def throw_twice():
    print("-- a second throw() into the same awaitable")
    cases = (("aclose", GeneratorExit), ("aclose", MyExc),
             ("athrow", MyExc), ("asend", MyExc))
    for method, exc in cases:
        agen = two()
        if method == "aclose":
            awaitable = agen.aclose()
        elif method == "athrow":
            awaitable = agen.athrow(MyExc)
        else:
            awaitable = agen.asend(None)
        label = "%s().throw(%s)" % (method, exc.__name__)
        show(label, lambda: awaitable.throw(exc))
        show("  again", lambda: awaitable.throw(exc))


async def catches_forever():
    while True:
        try:
            yield 1
        except MyExc:
            pass


def throw_into_yielding():
    print("-- throw() into a generator that yields again")
    agen = catches_forever()
    show("first asend", lambda: agen.asend(None).send(None))
    athrow = agen.athrow(MyExc)
    show("athrow().throw", lambda: athrow.throw(MyExc))
    show("  again", lambda: athrow.throw(MyExc))
    aclose = agen.aclose()
    show("aclose().throw", lambda: aclose.throw(MyExc))
    show("  again", lambda: aclose.throw(MyExc))
    agen = catches_forever()
    show("first asend", lambda: agen.asend(None).send(None))
    aclose = agen.aclose()
    show("aclose().throw(GeneratorExit)", lambda: aclose.throw(GeneratorExit))
    show("  again", lambda: aclose.throw(GeneratorExit))
    show("ag_running", lambda: agen.ag_running)
    show("next asend", lambda: agen.asend(None).send(None))


def never_awaited():
    print("-- awaitables never awaited")

    def asend():
        agen = two()
        agen.asend(None)

    def anext_():
        agen = two()
        anext(agen)

    def athrow():
        agen = two()
        agen.athrow(RuntimeError)

    def aclose():
        agen = two()
        agen.aclose()

    def thrown_into():
        agen = two()
        try:
            agen.aclose().throw(MyExc)
        except MyExc:
            pass

    def refused_running():
        agen = awaits_forever()
        running = agen.asend(None)
        running.send(None)
        second = agen.asend(None)
        try:
            second.send(None)
        except RuntimeError as e:
            print("  refused:", e)
        del second
        third = agen.athrow(Exception)
        try:
            third.send(None)
        except RuntimeError as e:
            print("  refused:", e)

    def closed():
        agen = two()
        agen.asend(None).close()

    def awaited():
        agen = two()
        try:
            agen.asend(None).send(None)
        except StopIteration as e:
            print("  awaited:", e.value)

    for body in (asend, anext_, athrow, aclose, thrown_into, refused_running,
                 closed, awaited):
        warnings_of(body.__name__, body)

    print("-- the warning made an error: unraisable")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        asend()
        gc.collect()
        print("  went on")


concurrent_with_send()
concurrent_with_throw()
close_ignored()
close_unstarted()
throw_twice()
throw_into_yielding()
never_awaited()
