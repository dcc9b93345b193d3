# A compiled function's __code__.co_names lists the global and attribute
# names its body uses, as CPython's compiler does, so inspect.getclosurevars
# and tools that read referenced globals from code objects see them.
import inspect
import math

LIMIT = 10
unused = "never read"


def helper(x):
    return x * 2


def uses_globals(v):
    total = helper(v) + LIMIT
    return math.floor(total / len(str(v))) + abs(v)


def outer():
    scale = 3

    def inner(x):
        return helper(x) * scale + LIMIT
    return inner


class Point:
    origin = 0

    def norm(self):
        return math.hypot(self.x, self.y) + Point.origin

    @property
    def twice(self):
        return self.norm() * 2


def with_comprehension(xs):
    return [helper(x) for x in xs if x > LIMIT]


def gen(n):
    for i in range(n):
        yield helper(i)


def raises():
    try:
        return undefined_name
    except NameError as e:
        return type(e).__name__


lam = lambda y: helper(y) + LIMIT

for fn in (uses_globals, outer, outer(), Point.norm, Point.twice.fget,
           with_comprehension, gen, raises, lam):
    print(fn.__qualname__, fn.__code__.co_names)

cv = inspect.getclosurevars(uses_globals)
print(sorted(cv.globals), sorted(cv.builtins), sorted(cv.unbound))
cv = inspect.getclosurevars(outer())
print(cv.nonlocals, sorted(cv.globals), sorted(cv.unbound))
cv = inspect.getclosurevars(Point.norm)
print(sorted(cv.globals), sorted(cv.builtins), sorted(cv.unbound))
cv = inspect.getclosurevars(raises)
print(sorted(cv.globals), sorted(cv.builtins), sorted(cv.unbound))
print(raises(), uses_globals(7), outer()(1), with_comprehension([5, 20]), list(gen(3)))
print(len(compile("pass", "x", "exec").co_names))
import sys
mod_code = sys._getframe().f_code
print(mod_code.co_name, "helper" in mod_code.co_names, "inspect" in mod_code.co_names)
