# f(*seq) / f(**map) (CALL_FUNCTION_EX) hand their arguments over as the
# target does: a non-tuple sequence or a dict display is replaced before
# the call; on 3.10 and 3.11 the callee borrows the tuple's items and the
# tuple and dict are released after it returns; on 3.12 and 3.13 a Python
# callee's frame gets the items and values, and the tuple and dict are
# released before it runs (a `del` in the callee finalizes there).
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


def many(*items, k, j):
    print("  many: refcounts", [sys.getrefcount(x) for x in items],
          sys.getrefcount(k), sys.getrefcount(j))
    del items, k
    print("  many: after del")


class Holder:
    def method(self, a):
        print("  method: refcount", sys.getrefcount(a))
        del a
        print("  method: after del")


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
    section("f(*many, **kw) of temporaries: more entries than a small call")
    many(*[N("m%d" % i) for i in range(9)], **{"k": N("kw"), "j": N("jw")})
    section("f(*[temporary], **{1: 2}): keywords must be strings")
    try:
        consume(*[N("badkey")], **{1: 2})
    except TypeError as e:
        print("  TypeError:", e)
    section("a method called with *args (the bound method keeps them)")
    Holder().method(*[N("method")])


star_calls()
print("done")
