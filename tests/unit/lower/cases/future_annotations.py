from __future__ import annotations
def f(a: int, *, k: list[str] = []) -> Foo | None:
    return a
x: Undefined = 1
obj.attr: int
