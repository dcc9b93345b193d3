def f(v):
    w = 1
    class C:
        attr = v
    return C
