# The split tier of fused arithmetic (src/cgen/numeric.c): leaves that an
# int-only operator (//, %, bitwise) needs are read as C longs, the others
# as doubles (`(i // 2) * x + y`, spectral_norm's `s += eval_A(i, j) * u`).
# Every other combination of types, overflows and errors must behave as
# CPython.


def f(i, x, y):
    return (i // 2) * x + y


def g(i, j, x):
    return (i % 3) / x - (j & 7) * x + (~i) * 0.5


def h(i, x):
    a = (i >> 1) + 1
    b = a * x
    c = b - (i << 2) * x
    return a, b, c


def term(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def acc(i, us):
    s = 0
    for j, u in enumerate(us):
        s += term(i, j) * u
    return s


def show(fn, *args):
    try:
        print(' ', fn.__name__, args, fn(*args))
    except Exception as e:
        print(' ', fn.__name__, args, type(e).__name__, e)


for args in [(7, 1.5, 0.25), (7, 2, 3), (7.0, 1.5, 0.25), (-7, 1.5, -0.0),
             (2 ** 62, 1.5, 1.0), (2 ** 70, 1.5, 1.0), (True, 1.5, 1.0),
             (7, float('inf'), float('nan')), (7, 'a', 1.0), (None, 1.0, 1.0)]:
    show(f, *args)
for args in [(10, 13, 0.5), (10, 13, 2), (10, 13, 0.0), (-10, -13, 0.5),
             (2 ** 62 + 1, 5, 0.5), (10, 13.0, 0.5), (10, 13, -1e308)]:
    show(g, *args)
for args in [(9, 0.5), (9, 3), (-9, 0.5), (2 ** 61, 0.5), (2 ** 62, 2.0), (9, 1e308)]:
    show(h, *args)
for args in [(3, [1.0, 0.5, 0.25]), (3, [1, 2, 3]), (0, [1, 0.5, 2]), (2 ** 40, [1.0, 2.0]),
             (3, [1.0, 'x'])]:
    show(acc, *args)
