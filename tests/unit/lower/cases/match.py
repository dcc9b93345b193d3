def f(v):
    match v:
        case [x, 1, *rest] if x:
            return rest
        case {"k": a, **kw}:
            return kw
        case C(1, b=y) | [_, y]:
            return y
        case [first, *_, last]:
            return last
        case _:
            return None
