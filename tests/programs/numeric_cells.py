# Arithmetic whose leaves are cells (locals a comprehension or an inner
# function captures) and free variables: computed in C when every leaf is
# a number, generically otherwise, always as CPython computes it.
import sys


def spline_like(points, degree, I):
    d = [points[I - degree + 1 + ii] for ii in range(degree + 1)]
    total = 0.0
    for ik in range(1, degree + 1):
        for ii in range(I - degree + ik + 1, I + 2):
            index = ii - I + degree - ik - 1
            co = (ii - I) / (degree + 1.5)
            total = total + co * index
    return d, total


print(spline_like([float(i) for i in range(20)], 3, 8))


def captured_changes():
    x = 1
    y = 2.5

    def set_x(v):
        nonlocal x
        x = v

    r = []
    for v in (3, 2**70, 1.5, -0.0, float('inf'), 'str'):
        set_x(v)
        try:
            a = x * 2 + y
            b = a - x
            r.append((a, b))
        except TypeError as e:
            r.append(str(e))
    return r


print(captured_changes())


def unbound_cell():
    def inner():
        return z
    try:
        w = z * 2 + 1.0
    except NameError as e:
        print(type(e).__name__, e)
    z = 4
    w = z * 2 + 1.0
    return w, inner()


print(unbound_cell())


def free_vars(scale, shift):
    def apply(v):
        return v * scale + shift - scale / 2
    return [apply(i) for i in range(5)]


print(free_vars(2, 0.5), free_vars(1.5, 3))


def deleted_cell():
    q = 2.0

    def g():
        return q
    del q
    try:
        return q * 3 + 1
    except NameError as e:
        return type(e).__name__, str(e)


print(deleted_cell())


def self_cell(obj):
    vals = [obj.x * k for k in range(3)]
    s = obj.x * 2 + obj.y - 1
    obj.x = 'a'
    try:
        s = obj.x * 2 + obj.y - 1
    except TypeError as e:
        s = str(e)
    return vals, s


class P:
    def __init__(self):
        self.x = 1.25
        self.y = 3


print(self_cell(P()))


def division_errors(n):
    vals = [n for _ in range(2)]
    try:
        return n / (n - n) + 1
    except ZeroDivisionError as e:
        return 'ZeroDivisionError', str(e), vals


print(division_errors(3), division_errors(2.5))
sys.stdout.flush()


def emptied_from_outside():
    a = 12

    def f():
        return a
    c = f.__closure__
    c[0].cell_contents = 9
    print(a, f())
    del c[0].cell_contents
    try:
        print(a)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    try:
        print(a * 2 + 1.5)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    try:
        f()
    except NameError as e:
        print('NameError', e)


emptied_from_outside()
