# sys.exc_info()/sys.exception() follow PUSH_EXC_INFO/POP_EXCEPT exactly.
import sys


def show(label):
    print(label, sys.exc_info()[0], sys.exception())


def callee():
    show("in callee")


show("start")
try:
    raise ValueError("a")
except ValueError:
    show("handler a")
    callee()
    try:
        raise KeyError("b")
    except KeyError:
        show("nested handler b")
    show("back in a")
    try:
        try:
            raise TypeError("c")
        finally:
            show("finally inside a handler")
    except TypeError:
        show("handler c")
show("after")


def gen_free():
    try:
        raise IndexError("i")
    except IndexError:
        return sys.exception()


print(repr(gen_free()), sys.exception())
try:
    try:
        raise ValueError("x")
    finally:
        show("in finally with exception")
except ValueError:
    pass
try:
    pass
finally:
    show("in finally without exception")
try:
    raise
except RuntimeError as e:
    print("bare raise with nothing:", e)
