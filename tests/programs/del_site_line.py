# A finalizer run by a local's store or `del` sees the frame at the line of
# that store (sys._getframe(1).f_lineno, a ResourceWarning's location), as
# under CPython: compiled code sets the frame's site when it releases the
# old value's last reference.
import sys
import warnings
import weakref


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        f = sys._getframe(1)
        print(self.tag, "released at line", f.f_lineno, "in", f.f_code.co_name)


def rebinding():
    x = Noisy("rebind")
    y = 1
    x = None
    return y


def deleting():
    x = Noisy("del")
    y = 2
    del x
    return y


def in_a_cell():
    x = Noisy("cell")
    get = lambda: x
    get()
    x = 0
    x = Noisy("cell del")
    get()
    del x
    return get


def loop_target():
    for item in [Noisy("loop 1"), None]:
        pass
    item = Noisy("loop 2")
    n = 0
    for item in range(2):
        n += 1
    return n


def unpacking():
    a, b = Noisy("unpack"), 1
    c = 2
    a, b = b, c
    return a


def weak_callback():
    x = Noisy("weak")
    r = weakref.ref(x, lambda ref: print("callback at line", sys._getframe(1).f_lineno))
    x.tag = "weak obj"
    y = 3
    x = y
    return r


def unclosed_file():
    f = open(__file__)
    f.read(1)
    f = None


def same_line():
    x = Noisy("same line"); x = None


def generator():
    x = Noisy("generator")
    yield 1
    x = None
    yield 2


async def coroutine():
    x = Noisy("coroutine")
    x = None


rebinding()
deleting()
list(generator())
try:
    coroutine().send(None)
except StopIteration:
    pass
in_a_cell()
loop_target()
unpacking()
weak_callback()
same_line()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    unclosed_file()
for w in caught:
    print(w.category.__name__, "at line", w.lineno)
