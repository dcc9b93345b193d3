# Runs of assignments of arithmetic trees to locals (src/cgen/numeric.c,
# cg_numeric_run): computed together in C, each variable stored once, its
# old float reused when only the variable holds it.  Everything a program
# can see must be what CPython shows: values, types, identities of shared
# objects, locals() and frame locals inside the loop, tracebacks.
import math
import sys


def nbody_like(n):
    x1, y1, x2, y2 = 1.0, 2.0, -0.5, 0.25
    e = 0.0
    for i in range(n):
        dx = x1 - x2
        dy = y1 - y2
        d2 = dx * dx + dy * dy
        mag = 0.01 * (d2 ** -1.5)
        x1 = x1 - dx * mag
        x2 = x2 + dy * mag
        e = e * 0.5 + d2
    return e, dx, dy, d2, mag, x1, x2


def swaps(cr, ci, n):
    zr = zi = 0.0
    for i in range(n):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    return zr, zi


def mixed(n):
    a = 1
    b = 0.5
    for i in range(n):
        a = a * 3 + i
        c = a - b * 2
        b = b + a / 7
    return a, b, c, type(a).__name__, type(c).__name__


def changes_type(n):
    out = []
    v = 1
    for i in range(n):
        w = v * 2 + 1
        v = w + i
        out.append((v, type(v).__name__))
        if i == 2:
            v = 0.5
        if i == 4:
            v = "s"
            try:
                w = v * 2 + 1
            except TypeError as e:
                out.append(str(e))
            v = 1.25
    return out


def overflow(n):
    x = 2
    for i in range(n):
        y = x * x
        x = y * y + 1
    return x


def specials():
    res = []
    for a, b in [(1.0, 0.0), (-0.0, 0.0), (1e308, 1e308), (0.0, -1.0)]:
        s = a * 10.0 + b
        p = -a * 0.0 - b * 0.0
        q = s * 1e308 - s * 1e308
        res.append((s, p, q, math.copysign(1.0, p)))
    inf = float("inf")
    nan = float("nan")
    u = inf * 2.0 - 1.0
    w = nan * 0.0 + 1.0
    z = -0.0 * 1.0 + -0.0
    res.append((u, w, z, repr(z)))
    return res


def shared(n):
    keep = []
    x = 0.5
    for i in range(n):
        x = x * 2.0 + 1.0
        y = x
        x = x * 0.5 - 0.25
        keep.append(y)
    return keep, x


def divides(vals):
    total = 0.0
    for v in vals:
        r = 1.0 / v + 2.0
        total = total + r * 0.5
    return total


def sees_locals(n):
    seen = []
    for i in range(n):
        p = i * 1.5 + 0.25
        q = p * p - 1.0
        seen.append(sorted((k, v) for k, v in locals().items() if k in "pq"))
        seen.append(sys._getframe().f_locals["q"])
    return seen


def helper_frame():
    return dict(sys._getframe(1).f_locals)


def sees_caller(n):
    got = []
    for i in range(n):
        a = i * 0.5 + 1.0
        b = a * a - 0.5
        fl = helper_frame()
        got.append((fl["a"], fl["b"]))
    return got


class Del:
    log = []

    def __del__(self):
        Del.log.append(sorted(k for k in sys._getframe(1).f_locals if k in "xyz"))


def old_value_runs_code():
    x = Del()
    y = 2.0
    x = y * 3.0 + 1.0
    z = x * y - 1.0
    return x, z, Del.log


trace_log = []


def probe(v):
    return v


def tracer(frame, event, arg):
    # only call events (no local trace function: compiled code gives line
    # events only when built with --debuggable)
    if event == "call" and frame.f_code.co_name == "probe":
        loc = frame.f_back.f_locals
        trace_log.append((loc.get("s"), loc.get("t")))
    return None


def traced(n):
    s = 0.5
    t = 1.0
    for i in range(n):
        s = s * 2.0 + t
        t = s * 0.5 - 1.0
        probe(t)
    return s, t


def item_stores(n):
    v = [1.0, 2.0, 3]
    kept = v[1]
    other = [v[0]]
    for i in range(n):
        v[0] -= 0.5 * v[1] + 0.25
        v[1] += v[0] * 2.0
        v[2] += 0.5 * i
        v[-1] -= 1.5 * 2.0
    return v, kept, other


class L(list):
    def __setitem__(self, k, x):
        print("set", k, x)
        super().__setitem__(k, x)


def item_store_errors():
    out = []
    for target in ([0.5], L([0.5]), (0.5,), [0.5, 1.0][:1]):
        try:
            d = 2.0
            target[0] += d * 0.5 + d
            out.append(target)
        except TypeError as e:
            out.append(str(e))
    print(out)
    short = [1.0]
    d = 1.0
    short[1] -= d * d * 3.0
    return out


print(item_stores(6))
print(nbody_like(50))
print(swaps(-0.8, 0.156, 30))
print(mixed(10))
print(changes_type(7))
print(overflow(4))
print(specials())
print(shared(5))
print(divides([1.0, 2.0, 4.0]))
print(sees_locals(3))
print(sees_caller(3))
print(old_value_runs_code())
sys.settrace(tracer)
traced(3)
sys.settrace(None)
print(trace_log)
try:
    item_store_errors()
except IndexError as e:
    print("IndexError", e, e.__traceback__.tb_next.tb_lineno)
print(divides([1.0, 2.0, 0.0, 4.0]))
