# Keyword-only parameters with and without defaults, *args, **kwargs,
# positional-only parameters, and what introspection sees.
import inspect

def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, e=7, z=8))
print(f.__defaults__, f.__kwdefaults__)
print(inspect.signature(f))

def g(*, only=lambda: "default"):
    return only()

print(g(), g(only=lambda: "given"), sorted(g.__kwdefaults__))

def order():
    log = []
    def note(v):
        log.append(v)
        return v
    def h(p=note("p1"), q=note("p2"), *, r=note("k1"), s=note("k2")):
        return p, q, r, s
    return h(), log

print(order())

def kwonly_required(*, x):
    return x

print(kwonly_required(x=1))
print(kwonly_required.__kwdefaults__)
print(inspect.signature(kwonly_required))
kwonly_required()
