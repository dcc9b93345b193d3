f = lambda x, y=2, *, z=3: x + y + z
def g(n):
    return lambda: lambda: n
