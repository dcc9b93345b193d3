# Cached loads (attributes, methods, globals) set the frame's site only on
# their slow way, where code can run or the load fails: what any code can
# see of the frame -- f_lineno of a caller, tracebacks with their columns --
# is what CPython shows, on the first (cache-filling) run and on later hits.
import sys
import traceback


class Slots:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1
        self.y = 2


class Lazy:
    def __getattr__(self, name):
        print("  __getattr__", name, "called from line", sys._getframe(1).f_lineno)
        return 10


class Prop:
    @property
    def v(self):
        return sys._getframe(1).f_lineno

    def where(self):
        return sys._getframe(1).f_lineno


def mixed(p, q):
    a = p.x
    b = (p.y
         + q.missing)
    c = p.x
    return a + b + c


def props(q):
    a = q.v
    b = (0,
         q.v)
    c = q.where(
    )
    return a, b, c


def fails_after_hits(p):
    a = p.x
    b = p.y
    return (a
            + p.z)


def name_after_hits(p):
    a = p.x
    f = len
    return f, undefined_name


def method_after_hits(p):
    a = p.x.bit_length()
    return p.y.bit_length() + p.nomethod()


def run(label, fn, *args):
    try:
        print(label, fn(*args))
    except Exception:
        print(label, "raised")
        traceback.print_exc(file=sys.stdout)


p, q = Slots(), Prop()
for i in range(3):
    print("round", i)
    run("mixed", mixed, p, Lazy())
    run("props", props, q)
    run("fails", fails_after_hits, p)
    run("name", name_after_hits, p)
    run("method", method_after_hits, p)

# the stack as a callee sees it after hits in its callers
def inner():
    return [(fs.name, fs.lineno) for fs in traceback.extract_stack()][-3:]


def outer(p):
    a = p.x
    b = p.y
    return inner()


for i in range(2):
    print(outer(p))
