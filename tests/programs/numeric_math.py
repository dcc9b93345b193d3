# Calls of math functions inside fused arithmetic (src/cgen/numeric.c,
# "Calls of math functions"; pyc2c/math_calls.def): `sqrt(x*x + y*y)`
# and `math.sin(a) * r` computed in C when the callee is the math module's
# own function and no hook is set; everything else, and every argument
# outside the function's plain domain, goes through the real call.
import math
import sys
from math import sqrt, sin, cos, exp, log, atan


def norm(x, y, z):
    return sqrt(x * x + y * y + z * z)


def polar(r, a):
    return r * math.cos(a), r * math.sin(a), math.atan(a) * 2


def growth(k, t):
    return exp(k * t) - 1.0, log(k * t + 1) * 0.5


def forms(v):
    return sin(v) + cos(v) * 2, math.sqrt(v * v) - 1, atan(v) + math.exp(v - v)


print('norm', norm(1.0, 2.0, 2.0), norm(3, 4, 0), norm(-0.0, 0.0, -0.0), norm(1e200, 1e200, 0))
print('polar', polar(2.0, 0.5), polar(1, 0), polar(3, 2 ** 52))
print('growth', growth(0.5, 2.0), growth(1, 3))
print('forms', forms(0.25), forms(3), forms(-1e-300))


def checked(f, *args):
    try:
        print('  ', f(*args))
    except Exception as e:
        print('  ', type(e).__name__, e, [fr.name for fr in
                                            __import__('traceback').extract_tb(e.__traceback__)])


print('errors')
checked(norm, float('inf'), 1.0, 1.0)
checked(norm, float('nan'), 1.0, 1.0)
checked(growth, 1000.0, 1.0)      # exp overflows: OverflowError
checked(growth, -1000.0, 1.0)     # exp underflows to 0.0, log(0 + 1) fine; then log of -999
checked(growth, 0.0, 1.0)
checked(growth, -1.0, 1.0)        # log(0): ValueError
checked(forms, float('inf'))
checked(forms, 'x')
checked(forms, True)
checked(forms, 2 ** 60)
checked(forms, 10 ** 400)
checked(polar, 1.0, 10 ** 30)


def sq(v):
    return sqrt(v - 1.0) * 2


checked(sq, 0.5)                  # math domain error
checked(sq, 5.0)

# the names rebound, the module attribute replaced
print('sq', sq(5.0))
saved = sqrt
globals()['sqrt'] = lambda v: -v
print('rebound', sq(5.0), norm(1.0, 2.0, 2.0))
globals()['sqrt'] = saved
print('restored', sq(5.0))
math.cos = lambda v: 100.0
print('math.cos replaced', polar(2.0, 0.5))
del math.cos
checked(polar, 2.0, 0.5)
math.cos = cos
print('math.cos back', polar(2.0, 0.5))


class FakeMath:
    @staticmethod
    def sin(v):
        return 42.0

    cos = sin
    atan = sin


real_math = math
math = FakeMath()
print('fake module', polar(2.0, 0.5))
math = real_math

# a profiler sees the C calls
events = []


def profiler(frame, event, arg):
    if event == 'c_call':
        events.append(arg.__name__)


sys.setprofile(profiler)
r = norm(1.0, 2.0, 2.0)
sys.setprofile(None)
print('profiled', r, events)


def loop(n):
    s = 0.0
    for i in range(n):
        s += sqrt(i * 0.5) + sin(i) * cos(i)
    return s


print('loop', loop(1000))
