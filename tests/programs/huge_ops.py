# The C of a "huge" function (docs/compile-scaling.md, part 7): above
# CGEN_HUGE_FUNCTION_WEIGHT IR nodes a function's global loads call
# P2C_LoadGlobalOfFrame, its attribute loads and stores, method loads and
# unpackings the out-of-line twins of pyc2c/out_of_line.def, and its
# temporaries are released without Py_CLEAR.  The limits below make every
# function here huge (the module body too) and chunked, so that each of
# those operations meets its usual cases and its errors, and tracebacks
# pass through chunks.
# compile-env: PYC2C_HUGE_WEIGHT=1
# compile-env: PYC2C_CHUNK_WEIGHT=5
import math


class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return math.hypot(self.x, self.y)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def unit():
        return P(1, 0)


class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class R:
    @property
    def v(self):
        return 7

    @v.setter
    def v(self, value):
        raise ValueError("read-only " + str(value))


def attrs(p, s):
    p.x = p.x + 1
    p.z = p.y * 2
    s.b = s.a + 10
    return p.x, p.z, p.kind, s.a, s.b, P.kind, math.pi > 3, p.norm(), P.origin().x, P.unit().x


def unpack(t, l, g):
    a, b = t
    c, d, e = l
    f, h = g
    return a + b + c + d + e + f + h


def globals_use():
    global counter
    counter = counter + len("abc")
    total = counter
    for i in range(3):
        total = total + abs(-i)
    return total


def errors():
    try:
        missing_name + 1
    except NameError as e:
        print("NameError:", e)
    try:
        P(1, 2).nope
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        P.nope()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        S().b
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        R().v = 3
    except ValueError as e:
        print("ValueError:", e)
    try:
        a, b = (1, 2, 3)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a, b = 5
    except TypeError as e:
        print("TypeError:", e)


counter = 1
print(attrs(P(3, 4), S()))
print(unpack((1, 2), [3, 4, 5], (i * i for i in range(2))))
print(globals_use(), counter)
errors()
del counter
try:
    globals_use()
except NameError as e:
    print("NameError:", e)


def deep(p):
    q = p.x
    return q.missing


deep(P(1, 2))
