# The __context__ of an exception thrown into a generator: the generator's
# own handled exception (it is suspended inside an except block), never
# what the caller of throw() is handling.  ExitStack's chain of
# contextmanager exits relies on it (test_contextlib's
# test_exit_exception_with_correct_context).
import sys
from contextlib import ExitStack, contextmanager


def chain(e):
    out = []
    while e is not None:
        out.append(e.args[0])
        e = e.__context__
    return out


def plain():
    yield


def in_finally():
    try:
        yield
    finally:
        pass


def in_other_handler():
    try:
        yield
    except ZeroDivisionError:
        pass


def inside_except():
    try:
        raise KeyError("own")
    except KeyError:
        yield


def finally_raises(exc):
    try:
        yield
    finally:
        print("  finally sees", sys.exception() if hasattr(sys, "exception")
              else sys.exc_info()[1])
        raise exc


for make in (plain, in_finally, in_other_handler, inside_except):
    for caller_handles in (False, True):
        it = make()
        next(it)
        thrown = ValueError("thrown")
        try:
            if caller_handles:
                try:
                    raise TypeError("caller's")
                except TypeError:
                    it.throw(thrown)
            else:
                it.throw(thrown)
        except ValueError as e:
            print(make.__name__, caller_handles, chain(e))

it = finally_raises(RuntimeError("from finally"))
next(it)
try:
    try:
        raise TypeError("caller's")
    except TypeError:
        it.throw(ValueError("thrown"))
except RuntimeError as e:
    print("finally_raises", chain(e))


@contextmanager
def gets_the_context_right(exc):
    try:
        yield
    finally:
        raise exc


excs = [Exception(i) for i in range(1, 5)]
try:
    with ExitStack() as stack:
        stack.enter_context(gets_the_context_right(excs[3]))
        stack.enter_context(gets_the_context_right(excs[2]))
        stack.enter_context(gets_the_context_right(excs[1]))
        raise excs[0]
except Exception as exc:
    print("ExitStack", chain(exc))
