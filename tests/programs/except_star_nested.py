# try/except*: nested groups, nested try/except* statements, except* in
# generators and class bodies, and the tracebacks of what escapes.
# skip-on-python: 3.10 except* is 3.11 syntax (3.10 has no exception groups)
import sys


def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}{type(e).__name__}({e.message!r}) [")
        for sub in e.exceptions:
            show(sub, indent + "  ")
        print(f"{indent}]")
    else:
        print(f"{indent}{type(e).__name__}({e})")


def nested_group():
    return ExceptionGroup("outer", [
        ValueError(1),
        ExceptionGroup("inner", [TypeError(2), ValueError(3)]),
        ExceptionGroup("deep", [ExceptionGroup("deeper", [KeyError(4)])]),
    ])


def split_nested():
    try:
        raise nested_group()
    except* ValueError as e:
        print("values:")
        show(e, "  ")
    except* KeyError as e:
        print("keys:")
        show(e, "  ")
    except* TypeError as e:
        print("types:")
        show(e, "  ")


split_nested()


def reraise_keeps_nesting():
    try:
        try:
            raise nested_group()
        except* ValueError:
            raise
        except* KeyError:
            pass
    except ExceptionGroup as e:
        print("re-raised keeps nesting:")
        show(e, "  ")


reraise_keeps_nesting()


def inner_outer():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
        except* ValueError:
            print("inner got ValueError")
        except* OSError:
            raise RuntimeError("converted")
    except* TypeError as e:
        print("outer got TypeError:")
        show(e, "  ")
    except* RuntimeError as e:
        print("outer got RuntimeError:")
        show(e, "  ")
        print("  its context:", type(e.exceptions[0].__context__).__name__)


inner_outer()


def star_in_clause():
    try:
        raise ExceptionGroup("a", [ValueError(1)])
    except* ValueError as outer:
        try:
            raise ExceptionGroup("b", [TypeError(2)])
        except* TypeError as inner:
            print("inner sees", sys.exception() is inner)
        print("back to outer", sys.exception() is outer)


star_in_clause()


def gen():
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("g", [ValueError(i)])
            yield i
        except* ValueError as e:
            yield f"caught {e.exceptions}"


print(list(gen()))


def gen_yield_in_clause():
    try:
        raise ExceptionGroup("g", [ValueError(0), TypeError(1)])
    except* ValueError:
        yield "v"
        yield sys.exception().exceptions
    except* TypeError:
        yield "t"


print(list(gen_yield_in_clause()))


class Body:
    try:
        raise ExceptionGroup("g", [ValueError(7)])
    except* ValueError as err:
        caught = err.exceptions
    print("class body caught", caught, "err" in dir())


def in_loop():
    for i in range(4):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i)])
            raise TypeError(i)
        except* ValueError as e:
            print("loop value", e.exceptions)
        except* TypeError as e:
            print("loop type", e.exceptions)


in_loop()


def closure_name():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        f = lambda: e
        print("closure sees", f().exceptions)
    try:
        f()
    except NameError as ne:
        print("NameError:", ne)


closure_name()


def finally_reraise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("value handled")
    finally:
        print("finally with pending", type(sys.exception()).__name__)


try:
    finally_reraise()
except ExceptionGroup as e:
    show(e)


def helper():
    raise ExceptionGroup("from helper", [ValueError("deep"), OSError("io")])


def middle():
    try:
        helper()
    except* OSError:
        raise ValueError("io replaced")


def top():
    try:
        middle()
    except* ValueError as e:
        print("top caught:")
        show(e, "  ")
        raise


top()
