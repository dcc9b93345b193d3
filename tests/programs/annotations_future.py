"""Postponed annotations: strings as CPython 3.11 makes them, never evaluated."""
from __future__ import annotations
import inspect
def f(a: int, b: dict[str,   'x'] | None = None, *args: undefined_name, k: List[int] = 1, **kw: "q") -> Foo.bar[
    1]:
    y: also_undefined = 1
    return a
print(f.__annotations__)
print(inspect.signature(f))
x: undefined_at_runtime = 3
z: lambda q: q
obj = type("O", (), {})()
obj.attr: never_evaluated = 1
print(__annotations__, x)
g = lambda: 1
print(g.__annotations__)
