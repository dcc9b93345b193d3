def f(a: int, /, b=1, *args: str, c, d: float = 2.0, **kw) -> bool:
    x: int = 1
    y: list
    return x
total: int = 0
name: str
obj.attr: int
seq[1:2]: int
(paren): float = 1.0
