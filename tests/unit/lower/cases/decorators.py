# Decorators: calls applied innermost first, expressions evaluated first.
@d1
@d2.attr(x)
def f(a=g()):
    return a

def wrap(fn):
    return fn

@wrap
def h():
    "doc"
