def gen(x):
    yield
    y = yield x
    r = yield from range(y)
    return r

def not_run():
    return 1
    yield

g = (i * 2 for i in range(3) if i)
h = (a + b for a in x for b in a)
f = lambda: (yield)

def outer():
    @(yield)
    def inner():
        yield 2
    return inner
