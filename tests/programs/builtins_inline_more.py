# abs, min and max of two, ord and chr called inline when the callee is the
# builtin (builtin_calls.def); the generic call for everything else, with
# the builtins' own errors.
import builtins
import sys


class Num:
    def __init__(self, v):
        self.v = v

    def __abs__(self):
        print("__abs__", self.v)
        return Num(-self.v if self.v < 0 else self.v)

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v > other.v

    def __repr__(self):
        return "Num(%r)" % self.v


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")

    __gt__ = __lt__


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__ if hasattr(f, "__name__") else f, args, "->", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


def abs_cases():
    print(abs(-3), abs(2.5), abs(-0.0), abs(True), abs(-10**30), abs(3 - 4j), abs(Num(-2)))
    for v in ("x", None, [1]):
        try:
            abs(v)
        except TypeError as e:
            print("TypeError", e)


def min_max_cases():
    a, b = [1], [1]
    print(min(a, b) is a, max(a, b) is a)      # equal: the first wins
    print(min(3, 2), max(3, 2), min(2.5, 7), max("a", "b"), min((1, 2), (1, 1)))
    nan = float("nan")
    print(min(nan, 1), min(1, nan), max(nan, 1), max(1, nan))
    print(min(Num(1), Num(2)), max(Num(1), Num(2)))
    for args in ((1, "x"), (Bad(), Bad()), (None, None)):
        try:
            print(min(*args))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        max(Bad(), 1)
    except TypeError as e:
        print("TypeError", e)
    print(min([3, 1, 2]), max("hello"), min(4, 5, 6), max(1, 2, key=lambda x: -x))


def ord_chr_cases():
    print(ord("a"), ord("\u20ac"), ord("\U0001f600"), ord(b"A"), ord(bytearray(b"z")))
    for v in ("ab", "", 5, b"", None):
        try:
            ord(v)
        except TypeError as e:
            print("TypeError", e)
    print(chr(65), chr(0), chr(0x10ffff) == "\U0010ffff", chr(True))
    for v in (-1, 0x110000, 10**20, -10**20, 2.0, "a", None):
        try:
            chr(v)
        except (ValueError, TypeError, OverflowError) as e:
            print(type(e).__name__, e)


def hot_loop(n):
    total = 0
    lo, hi = 10**9, -10**9
    s = []
    for i in range(n):
        x = (i * 7919) % 1000 - 500
        total += abs(x)
        lo = min(lo, x)
        hi = max(hi, x)
        s.append(chr(ord("a") + i % 26))
    return total, lo, hi, "".join(s)[:30]


abs_cases()
min_max_cases()
ord_chr_cases()
print(hot_loop(3000))


# rebound names take the ordinary call
def rebound():
    abs = lambda x: "my abs"
    return abs(-1)


print(rebound())
builtins.min, real_min = (lambda a, b: "patched min"), builtins.min
print(min(1, 2))
builtins.min = real_min
print(min(1, 2))
max = lambda a, b: "global max"
print(max(1, 2))
del max
print(max(1, 2))

# a profile hook sees the builtins called
events = []
sys.setprofile(lambda frame, event, arg: events.append((event, getattr(arg, "__name__", None))))
abs(-1)
min(1, 2)
max(1, 2)
ord("a")
chr(97)
sys.setprofile(None)
print([e for e in events if e[0] == "c_call"])

# the error's traceback points at the call
print(chr(-5))
