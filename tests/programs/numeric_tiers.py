# Fused arithmetic in its typed tiers (all-float leaves, all-int leaves) and
# the fall-through to the mixed tier and the generic code: every guard and
# every operator's failure must give CPython's result or exception.
import math


def floats(a, b, c):
    # all floats: the float tier; a zero divisor, an overflowing power, a
    # negative base with a fractional exponent each leave it
    try:
        r = (a - b) * c + a / (b - c) + (a * a) ** 0.5
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    return r


def ints(i, j, k):
    # all ints: the int tier (// and %); overflow of a long, zero divisor,
    # LONG_MIN // -1
    try:
        r = (i + j) * (i + j + 1) // 2 + i % (k or 7) - (j << 3) + (~k & 255)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    return r


def int_to_float(i, j):
    # int leaves meeting a float constant or a true division: converted
    # exactly up to 2**53, by CPython's rounding beyond
    try:
        r = 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1) + i / (j or 3) * 0.5
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    return r


def run_of_assignments(x, y):
    # a run: a variable computed as an int, then rebound to a float; the
    # boxes are ints, then floats written in place
    a = x + y * 2
    b = a * a - y
    a = b / 4 + a
    c = -a * 0.5 + b
    return a, b, c


def item_store(v, d):
    # a fused tree stored into a float item in place (typed tier), into an
    # int item (mixed tier, then generic), or into a tuple (generic: error)
    try:
        v[0] -= d * d + d
        v[1] += d * 3 - 1
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
    return list(v)


def signed_zero(a, b):
    # the sign of zero is kept; that of a NaN made from two NaNs is not
    # compared: it is whichever operand the machine instruction returns,
    # and C compilers may swap the operands of + and * (docs/optimizer.md)
    r = -a * b + 0.0 * a
    return r, math.copysign(1.0, r) if r == r else 'nan'


def unary(a, b):
    return -(a * b) + +(a - b), ~(a * b) if type(a) is int else None


VALUES = [0, 1, -1, 3, 7, -7, 2 ** 30, 2 ** 52 + 1, 2 ** 53 + 1, 2 ** 59, 2 ** 61,
          -2 ** 63, 2 ** 63 - 1, 10 ** 20, 0.0, -0.0, 1.5, -2.25, 1e308, -1e308,
          5e-324, float('inf'), float('-inf'), float('nan'), True, False]

for a in VALUES:
    for b in VALUES:
        for c in VALUES[::3]:
            print('f', repr(a), repr(b), repr(c), floats(a, b, c))
        print('i', repr(a), repr(b), ints(a, b, a - b if isinstance(a - b, int) else 3))
        print('d', repr(a), repr(b), int_to_float(a, b))
        try:
            print('r', repr(a), repr(b), run_of_assignments(a, b))
        except Exception as e:
            print('r', repr(a), repr(b), type(e).__name__, e)
        print('z', repr(a), repr(b), signed_zero(a, b))
        try:
            print('u', repr(a), repr(b), unary(a, b))
        except Exception as e:
            print('u', repr(a), repr(b), type(e).__name__, e)
    for v in ([1.5, 2.5], [1, 2], [1.5, 2], (1.5, 2.5), [True, 1.0]):
        print('s', repr(a), repr(v), item_store(list(v) if type(v) is list else v, a))

# a float written in place must not be one another name still holds
x = 1.5
y = 2.5
keep = x
x = x * y + y
x = x * y - y
print(x, keep)
