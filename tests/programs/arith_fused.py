# Arithmetic trees over locals and constants, which compiled code computes
# in C doubles / longs behind type guards (src/cgen/numeric.c): every case
# where CPython's answer differs from plain C arithmetic must take the
# generic path and give CPython's result or error.
import math


def floats(a, b):
    return a * b + a / b - (a - b) * 0.5


def ints(a, b):
    return (a + b) * (a - b) // 3 + a % 7 - (b << 2) + (a >> 1) ^ (b & 5) | 8


def mixed_div(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def powers(x, y):
    return (x * 1.0) ** y + 0.0 * x


def shifts(a, b):
    return (a << b) + (a >> b) - 1


def neg(a, b):
    return -(a * b) + -a


def show(f, *args):
    try:
        r = f(*args)
        if isinstance(r, float) and r == 0.0:
            r = "%r (sign %r)" % (r, math.copysign(1.0, r))
        print(f.__name__, shown(args), "->", type(r).__name__, r)
    except Exception as e:
        print(f.__name__, shown(args), "->", type(e).__name__, e)


def shown(args):
    """Numbers as they are, objects by their class and attributes."""
    return tuple(a if isinstance(a, (int, float)) else
                 "%s%s" % (type(a).__name__, sorted(getattr(a, "__dict__", {}).items()))
                 for a in args)


for args in [(1.5, 2.5), (3.0, -0.0), (0.0, 0.0), (1e308, 1e-308), (float("inf"), 2.0),
             (float("nan"), 1.0), (3, 4.0), (2**60, 3.0), (2**53 + 1, 1.5), (2**70, 1.0),
             (True, 2.0), (-0.0, 1.0), (1e-320, 3.0)]:
    show(floats, *args)

for args in [(10, 3), (-10, 3), (10, -3), (-7, -2), (2**62, 2**62), (2**62, 3),
             (-2**63, 1), (2**31, 2**31), (7, 0), (True, 3), (0, 1), (12345678901, 987)]:
    show(ints, *args)

for args in [(1, 1), (0, -1), (2**52, 2**52), (2**60, 5), (-3, 2)]:
    show(mixed_div, *args)

for args in [(2.0, -1.5), (-8.0, 1 / 3), (-2.0, 3.0), (-2.0, 2.0), (0.0, -1.0), (0.0, 2.0),
             (10.0, 400.0), (10.0, -400.0), (1.0, float("inf")), (-1.0, 1e300), (4, 0.5),
             (2.0, 0), (float("nan"), 0.0), (2, 3)]:
    show(powers, *args)

for args in [(1, 3), (-5, 2), (1, 62), (1, 63), (3, 62), (-1, 100), (5, -1), (2**40, 30),
             (-2**40, 70)]:
    show(shifts, *args)

for args in [(3, 4), (-2**62, 2), (2**31, -(2**32)), (2.5, -0.0), (0, 0)]:
    show(neg, *args)


# an unbound local inside a tree: the generic path raises where CPython does
def unbound(flag):
    if flag:
        c = 2.0
    a = 1.5
    return a * 2.0 + c * a


show(unbound, True)
show(unbound, False)


# int and float subclasses keep their own operators
class MyFloat(float):
    def __add__(self, other):
        return "MyFloat.__add__"


class MyInt(int):
    def __mul__(self, other):
        return MyInt(7)


show(floats, MyFloat(1.0), 2.0)
show(ints, MyInt(5), 3)
show(lambda a, b: a * b + a * b, MyInt(2), 3)
show(lambda a, b: a + b * 2.0 + a, MyFloat(2.0), 3.0)


# accumulation in a loop (augmented assignment is the tree's root)
def accumulate(n):
    total = 0.0
    k = 0
    for i in range(n):
        x = i * 0.5
        total += x * x - x / 3.0
        k += (i * i) % 7 - i // 3
    return total, k


print(accumulate(1000))


# a traceback from an operator deep inside a tree names its position
def deep(a, b, c):
    return a * b + (a - b) / (c - c) * 2.0


try:
    deep(1.0, 2.0, 3.0)
except ZeroDivisionError:
    import traceback
    traceback.print_exc()


# attributes of locals as leaves: read from the attribute caches when they
# answer without running code; properties and __getattr__ run in order
class V:
    scale = 2.0

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self):
        return (self.x + self.y) * self.scale - self.x / self.y


class Noisy:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        print("  reading Noisy.x")
        return self._x

    y = 0.0


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Lazy:
    def __getattr__(self, name):
        print("  __getattr__", name)
        return 3


vs = [V(1.5, 2.0), V(3, 4), V(2**61, 3), V(1.0, 0.0), Slotted(2.5, 0.5), Lazy()]
for a in vs:
    for b in vs:
        show(V.dot, a, b)
for v in vs[:5]:
    show(V.scaled, v)
show(V.dot, V(1.0, 2.0), Noisy(4.0))
show(V.dot, Noisy(4.0), V(1.0, 0.0))
V.scale = 10
show(V.scaled, V(1.0, 2.0))
v = V(1.0, 2.0)
v.scale = "shadow"
show(V.scaled, v)
del v.x
show(V.dot, v, V(1.0, 1.0))


# items at constant indexes as leaves, and augmented assignment to them
class Logged(list):
    def __getitem__(self, i):
        print("  get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("  set", i, v)
        list.__setitem__(self, i, v)


def advance(v, dx, b):
    v[0] -= dx * b
    v[-1] += dx * dx - b
    return v[1] * dx + v[-2] / b


for v in ([1.0, 2.0, 3.0], (1.0, 2.0, 3.0), [1, 2, 3], Logged([1.0, 2.0, 3.0]), [1.0],
          [1.0, "s", 3.0]):
    show(advance, list(v) if isinstance(v, tuple) else v, 0.5, 2.0)
    show(lambda t: t[0] * 2.0 + t[-1], v)


# uncaught, as the last thing the program does
deep(1, 2, 3)
