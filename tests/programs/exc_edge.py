# Corner cases: failing except-type expressions, finally raising over a
# pending return, handlers in loops, exceptions from __exit__ while handling.
import sys


def type_expr_fails():
    try:
        raise ValueError("original")
    except undefined_name:
        pass


try:
    type_expr_fails()
except NameError as e:
    print("NameError:", e, "| context:", repr(e.__context__))


def finally_raises_over_return():
    try:
        return "never returned"
    finally:
        raise KeyError("from finally")


try:
    finally_raises_over_return()
except KeyError as e:
    print("finally raised", repr(e), e.__context__)


def swallowed():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            if i < 2:
                continue
            break
        finally:
            print("finally", i, repr(sys.exception()))
    return sys.exception()


print("swallowed ->", swallowed())


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        raise RuntimeError("exit saw %s" % typ.__name__)


try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))


def deep_return(n):
    try:
        if n:
            return deep_return(n - 1) + 1
        return 0
    finally:
        if n == 2:
            print("unwinding", n, sys.exception())


print(deep_return(3))


def raise_in_else():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise IndexError("from else")
    finally:
        print("finally after else")


try:
    raise_in_else()
except IndexError as e:
    print("caught", repr(e))

x = 0
while True:
    try:
        x += 1
        if x > 3:
            raise StopIteration
    except StopIteration:
        break
    finally:
        print("loop finally", x)
print("end", sys.exc_info())
