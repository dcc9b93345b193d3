"""Starred annotations (PEP 646) under postponed evaluation: the string
CPython's unparser makes of `*value`, never evaluated."""
# skip-on-python: 3.10 starred annotations are 3.11 syntax
from __future__ import annotations
import inspect


def f(a: int, *args: *Ts, k: str = "k") -> None:
    pass


def g(*args: *  tuple[int,   str]): pass
def h(*args: *(a if b else c)): pass
def i(*args: *(x)): pass
def j(*args: *a.b[c]  |  d): pass


for fn in (f, g, h, i, j):
    print(fn.__name__, fn.__annotations__)
print(inspect.signature(f))
