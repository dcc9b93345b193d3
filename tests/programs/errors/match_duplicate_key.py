# CPython's compiler: a literal key checked twice.
match {}:
    case {"a": 1, -1: 2, "a": 3}:
        pass
