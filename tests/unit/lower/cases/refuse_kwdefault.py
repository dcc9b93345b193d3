def f(*, k=1):
    return k
