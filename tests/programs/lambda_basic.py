# lambda: defaults, kw-only, closures, qualnames, sorted keys.
items = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(items, key=lambda p: p[1]))
print(sorted(items, key=lambda p: -p[0]))
square = lambda x: x * x
print(square(7), square.__name__, square.__qualname__, square.__doc__)
add = lambda a, b=10, *rest, scale=1, **kw: (a + b + sum(rest)) * scale + len(kw)
print(add(1), add(1, 2, 3, 4, scale=2, z=0), add.__defaults__, add.__kwdefaults__)

def make_multipliers(n):
    return [lambda x, i=i: x * i for i in range(n)]

print([m(10) for m in make_multipliers(4)])

def outer():
    base = 100
    f = lambda d: base + d
    return f, f.__qualname__

f, q = outer()
print(f(1), q)
nested = lambda: lambda: "inner"
print(nested()(), nested().__qualname__)
print((lambda: None)())
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-4))
