# A bare raise is refused (no exception handlers yet).
def f():
    raise
