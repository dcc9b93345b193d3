"""Module docstring."""
# def: parameters, defaults, docstrings, implicit return, globals.
def f():
    pass

def g(a, b=1, c=h()):
    "g's docstring"
    return a + b + c

def k(a, /, b, *args, c, d, **kw):
    global G
    G = a
    x = b
    del x
    return

def outer(n):
    def inner(m):
        return m * 2
    return inner(n)

def body_only_doc():
    """Only a docstring."""

def raises():
    raise ValueError('x')

def locals_order(a):
    z = a
    y = z
    if y:
        w = 1
    return w

def slots(p, q=None):
    import os.path as osp
    from os import sep
    for i, (j, *k) in q:
        total = i
        total += j
    else:
        e = 1
    while (w := p):
        a = b = c = w
    def helper():
        return 1
    o = [m, n] = p
    del sep
    return osp, total, e, a, b, c, helper, o, m, n

def returns(x):
    if x:
        return 'one line'
    if x is None:
        return (
            'two lines')
    if x == 1:
        return
    return x
