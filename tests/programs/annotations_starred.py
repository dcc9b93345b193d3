"""Starred annotations (PEP 646): `*args: *Ts` is Ts unpacked as a one-item
sequence when the def runs, in order with the defaults and the other
annotations; an unpacking error is reported at the def statement."""
# skip-on-python: 3.10 starred annotations are 3.11 syntax
import inspect
from typing import TypeVarTuple

Ts = TypeVarTuple("Ts")


def f(a: int, *args: *Ts, k: str = "k") -> None:
    pass


print(f.__annotations__)
print(inspect.signature(f))


def g(*args: *tuple[int, str]):
    pass


print(g.__annotations__)


class Loud:
    """An iterable that says when it is iterated and what it yields."""

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        print("iter", self.items)
        return iter(self.items)

    def __repr__(self):
        return "Loud%r" % (self.items,)


def note(x):
    print("eval", x)
    return x


def h(a=note("default"), *rest: *note(Loud("only")), kw=note("kwdefault"),
      **kws: note("kws")) -> note("return"):
    pass


print(h.__annotations__)


class C:
    def m(self, *__args: *[note("mangled")]):
        pass


print(C.m.__annotations__)

for value in ["x", (1,), [2], {3}, {4: 5}, range(6, 7), Loud(8)]:
    def one(*args: *value):
        pass
    print(type(value).__name__, one.__annotations__)

for value in [(), [], "ab", (1, 2), 5, None, Loud(1, 2), Loud()]:
    try:
        def bad(*args: *value):
            pass
    except (TypeError, ValueError) as e:
        print(type(value).__name__, type(e).__name__, e)


def failing_iter():
    yield 1
    raise KeyError("from the iterator")


try:
    def bad2(*args: *failing_iter()):
        pass
except KeyError as e:
    print("KeyError", e)

try:
    def bad3(*args: *undefined_name):
        pass
except NameError as e:
    print("NameError", e)


def bad4(a: int,
         *args:
           *(
             1, 2)):
    pass
