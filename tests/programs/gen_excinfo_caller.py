# Inside a generator, after one of its own handlers has finished, sys.exc_info(),
# sys.exception() and a bare `raise` see what an enclosing handler handles: one
# of the generator's own, else the caller's that resumed it.  3.13 keeps
# "nothing handled" as NULL in the generator's exception state, and its search
# for the handled exception stops at an item holding None: a handler that put
# None back there hid the caller's exception (compat/excstate.h).
import sys

# sys.exception() is new in 3.11
exception = getattr(sys, "exception", lambda: sys.exc_info()[1])


def show(label):
    t, v, _ = sys.exc_info()
    print(label, t.__name__ if t else None, repr(v), repr(exception()))


class Outer(Exception):
    pass


def handled_then_yield():
    try:
        raise KeyError("inner")
    except KeyError:
        pass
    show("after own handler")
    yield 1
    show("resumed")
    yield 2


def nested_own_handlers():
    try:
        raise ValueError("gen outer")
    except ValueError:
        try:
            raise KeyError("gen inner")
        except KeyError:
            pass
        show("after inner, in outer")
        yield 1
        show("resumed in outer")
    show("after outer")
    yield 2


def bare_raise_after_handler():
    try:
        raise KeyError("k")
    except KeyError:
        pass
    try:
        raise
    except Outer as e:
        print("bare raise re-raised", repr(e))
    except RuntimeError as e:
        print("bare raise:", e)
    yield 3


def finally_and_with():
    class Ctx:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            show("in __exit__")
            return True

    with Ctx():
        raise IndexError("suppressed")
    show("after with")
    try:
        try:
            raise LookupError("l")
        finally:
            show("in finally")
    except LookupError:
        pass
    show("after finally")
    yield 4


def inner_gen():
    try:
        raise ZeroDivisionError("z")
    except ZeroDivisionError:
        pass
    show("inner gen")
    yield 5


def outer_gen():
    try:
        raise TypeError("outer gen")
    except TypeError:
        yield from inner_gen()
    try:
        raise AttributeError("a")
    except AttributeError:
        pass
    show("outer gen after its handlers")
    yield from inner_gen()


def run(label, make):
    print("--", label)
    try:
        raise Outer(label)
    except Outer:
        print(list(make()))
    print(list(make()))   # the caller handling nothing


run("handled_then_yield", handled_then_yield)
run("nested_own_handlers", nested_own_handlers)
run("bare_raise_after_handler", bare_raise_after_handler)
run("finally_and_with", finally_and_with)
run("outer_gen", outer_gen)

# Resumed from handlers of different exceptions, and from none.
g = handled_then_yield()
try:
    raise Outer("first")
except Outer:
    next(g)
try:
    raise Outer("second")
except Outer:
    next(g)
print(list(g))

# throw(): the generator handles what is thrown in, then the caller's again.
def catches_throw():
    while True:
        try:
            yield
        except KeyError:
            show("caught thrown")
        show("after thrown")


g = catches_throw()
next(g)
try:
    raise Outer("thrower")
except Outer:
    g.throw(KeyError("thrown"))
g.close()
