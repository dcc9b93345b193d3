# CPython's compiler: no return out of an except* clause.
def f():
    try:
        pass
    except* ValueError:
        return 1
