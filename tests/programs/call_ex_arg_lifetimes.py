# f(*seq) / f(**map) (CALL_FUNCTION_EX) hand their arguments over as 3.11
# does: a non-tuple sequence or a dict display is replaced before the call,
# the callee borrows the tuple's items, and the tuple and dict are
# released after it returns.
# skip-on-python: 3.12 CPython 3.12 pushes a Python callee's frame in CALL_FUNCTION_EX and releases the tuple and dict before the callee runs; compiled code releases them after (docs/architecture.md, "Calls hand over their arguments")
# skip-on-python: 3.13 as on 3.12 (docs/architecture.md, "Calls hand over their arguments")
import sys


class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def consume(a):
    print("  consume: refcount", sys.getrefcount(a))
    del a
    print("  consume: after del")


def keyword_only(*, a):
    print("  keyword_only: refcount", sys.getrefcount(a))
    del a
    print("  keyword_only: after del")


def section(title):
    print(title)


def star_calls():
    section("f(*[temporary])")
    consume(*[N("starlist")])
    section("f(*(temporary,))")
    consume(*(N("startuple"),))
    section("f(**{'a': temporary})")
    keyword_only(**{"a": N("dstar")})
    section("f(*args, **kwargs) of a local")
    args = (N("args"),)
    consume(*args)
    del args


star_calls()
print("done")
