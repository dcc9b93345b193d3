def outer(a, b):
    c = a + b
    def middle():
        def inner():
            nonlocal c
            c += a
            return c
        return inner
    del b
    return middle
