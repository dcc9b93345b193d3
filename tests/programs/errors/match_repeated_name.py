# CPython's compiler: one name bound twice in a pattern.
match (1, 2):
    case [x, [1, x]]:
        pass
