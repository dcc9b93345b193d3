# yield from: delegation of next/send/throw/close, return values, gi_yieldfrom.
import traceback
import sys


def inner():
    try:
        x = yield "inner 1"
        print("inner got", x)
        y = yield "inner 2"
        return x, y
    except KeyError as e:
        print("inner caught", repr(e))
        return "from except"
    finally:
        print("inner finally")


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer done"


o = outer()
print(next(o))
print(o.gi_yieldfrom.__name__)
print(o.send("a"))
print(o.send("b"))
print(o.gi_yieldfrom)

o = outer()
next(o)
print(o.throw(KeyError("k")))

o = outer()
next(o)
o.close()
print("closed")


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n


def plain():
    r = yield from It()
    yield ("returned", r)


print(list(plain()))


def send_to_plain():
    yield from iter([1, 2])


s = send_to_plain()
next(s)
try:
    s.send(5)
except AttributeError as e:
    print("AttributeError:", e)


def no_throw():
    yield from It()


n = no_throw()
next(n)
try:
    n.throw(ValueError("into iterator"))
except ValueError as e:
    print("ValueError:", e)


class WithThrow(It):
    def throw(self, *args):
        print("throw called with", len(args), "args")
        raise StopIteration("stopped by throw")

    def close(self):
        print("close called")


def delegating():
    r = yield from WithThrow()
    print("result", r)
    yield "after"


d = delegating()
next(d)
print(d.throw(ValueError))
d = delegating()
next(d)
d.close()


def nested(k):
    if k:
        r = yield from nested(k - 1)
        return r + 1
    yield "bottom"
    return 0


ne = nested(3)
print(next(ne))
try:
    next(ne)
except StopIteration as e:
    print("nested value", e.value)


def broken():
    yield 1
    raise ValueError("deep")


def through():
    yield from broken()


try:
    list(through())
except ValueError:
    traceback.print_exc(file=sys.stdout)

try:
    def bad():
        yield from 5
    next(bad())
except TypeError as e:
    print("TypeError:", e)


def interp_gen():
    x = yield 1
    yield x


exec_ns = {}
exec("def interp():\n    v = yield 'i1'\n    return v\n", exec_ns)


def mixed():
    r = yield from exec_ns["interp"]()
    yield ("interp returned", r)
    yield from interp_gen()


m = mixed()
print(next(m), m.send("sent"), next(m), m.send("x"))
