# Calls of small module-level functions inlined into fused arithmetic
# (src/cgen/numeric.c, "Calls inlined"): `s += term(i, j) * x` computes
# term's returned tree in place of the call while the global still holds
# that compiled function, no hook is set and recursion depth is left.
# Everything that could tell the inlined body from a real call must behave
# as CPython: rebinding, __code__ replacement, errors inside the body (the
# traceback names the callee), growth past a machine word, profile and trace
# hooks, the recursion limit.
import sys
import traceback


def term(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def lerp(a, b, t):
    return a + (b - a) * t


def square(x):
    return x * x


def ident(x):
    return x


def ratio(a, b):
    return a / b


def with_default(a, b=10):
    return a * b + 1


def grow(a):
    return a * a * a


def area(w, h):
    return w * h


def weighted(i, j, x):
    return term(i, j) * x


def sums(n, xs):
    s = 0
    for j, x in enumerate(xs):
        s += term(n, j) * x
    return s


def mixes(n):
    out = []
    for k in range(n):
        a = k * 0.5
        b = k + 1
        out.append(lerp(a, b, 0.25) + square(b) - ident(a))
        out.append(square(lerp(a, b, 0.5)))      # an inlined call as an argument
        out.append(with_default(k, 3) * 2)        # every parameter passed
        out.append(with_default(k) * 2)           # a default used: not inlined
        out.append(lerp(t=0.5, a=a, b=b) * 2)     # keywords: not inlined
    return out


print('sums', sums(3, [1.0, 2.0, 0.5, -4.0]))
print('sums of ints', sums(2, [1, 2, 3]))
print('sums of bools', sums(2, [True, False]))
print('mixes', mixes(4))
print('weighted', [weighted(i, 2, 3.0) + 1 for i in range(3)])

# a root: the call itself is the tree
def roots(xs):
    return [square(x) for x in xs] + [lerp(x, 2 * x, 0.5) for x in xs]


print('roots', roots([1, 2.5, -3, 2 ** 40, 2 ** 62]))

# runs of assignments holding inlined calls
def run(x, y):
    dx = square(x) - 1
    dy = lerp(x, y, 0.5) * 2
    d2 = dx * dx + area(dy, dy)
    return dx, dy, d2


print('run', run(3.0, 4.0), run(3, 5))


# growth past a machine word and errors inside the body
def checked(f, *args):
    try:
        print('  ', f(*args))
    except Exception as e:
        print('  ', type(e).__name__, e)
        tb = traceback.extract_tb(e.__traceback__)
        print('   frames', [fr.name for fr in tb])


def big(a):
    return grow(a) + 1


def divides(a, b):
    return ratio(a, b) * 2.0


def unbound_arg(a):
    if a:
        b = 2
    return square(b) + 1


print('errors')
checked(big, 3)
checked(big, 2 ** 30)
checked(big, 2 ** 62)
checked(big, 2.5)
checked(big, 1e200)
checked(divides, 1.0, 0.0)
checked(divides, 1, 0)
checked(divides, 7, 2)
checked(divides, 'a', 2)
checked(unbound_arg, 1)
checked(unbound_arg, 0)


# the name rebound, the function's code replaced
def uses_area(w, h):
    return area(w, h) + 0.5


print('area', uses_area(2.0, 3.0))
saved = area
globals()['area'] = lambda w, h: w - h   # (the module binds `area` once)
print('rebound', uses_area(2.0, 3.0))
globals()['area'] = saved
print('restored', uses_area(2.0, 3.0))
code = area.__code__
area.__code__ = (lambda w, h: w + h).__code__
print('code replaced', uses_area(2.0, 3.0))
area.__code__ = code
print('code restored', uses_area(2.0, 3.0))
del globals()['area']
try:
    uses_area(2.0, 3.0)
except NameError as e:
    print('deleted', e)
globals()['area'] = saved
print('back', uses_area(2, 3))


# hooks: a profiler and a tracer see every call
def profiled(n):
    s = 0.0
    for k in range(n):
        s += square(k * 0.5) * 2
    return s


calls = []


def profiler(frame, event, arg):
    if event == 'call':
        calls.append(frame.f_code.co_name)


sys.setprofile(profiler)
r = profiled(3)
sys.setprofile(None)
print('profiled', r, calls)

traced = []


def tracer(frame, event, arg):
    if event == 'call':
        traced.append(frame.f_code.co_name)
    return None


sys.settrace(tracer)
r = profiled(2)
sys.settrace(None)
print('traced', r, traced)


# the recursion limit: the call at the deepest level fails, as a call
def deep(n, w, h):
    if n == 0:
        try:
            return area(w, h) * 1.5
        except RecursionError:
            return 'inner RecursionError'
    return deep(n - 1, w, h)


def find_limit():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        for n in range(300):
            try:
                r = deep(n, 2.0, 3.0)
            except RecursionError:
                return 'outer RecursionError'
            if isinstance(r, str):
                return r
    finally:
        sys.setrecursionlimit(old)
    return 'no limit'


print('limit', find_limit())


# a function redefined, or decorated: not inlined, still right
def twice(x):
    return x * 2


def twice(x):   # noqa: F811
    return x * 3


def deco(f):
    def wrapper(*a):
        return f(*a) + 100
    return wrapper


@deco
def plus(x):
    return x + 1


def uses(x):
    return twice(x) + plus(x) * 1.0


print('uses', uses(2), uses(2.5))


# a local of the same name is not the global
def shadow(x):
    square = lambda v: -v
    return square(x) * 2 + x


print('shadow', shadow(3.0))
