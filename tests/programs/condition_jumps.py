# Tests that only decide a jump (if, while, if-expressions, comprehension
# filters, assert): `not`, `and`, `or` and if-expressions are jumps, so each
# operand's __bool__ runs once, in CPython's order, and a failing __bool__
# reports the position CPython reports.
import traceback

calls = []


class B:
    def __init__(self, name, truth):
        self.name, self.truth = name, truth

    def __bool__(self):
        calls.append(self.name)
        return self.truth

    def __lt__(self, other):
        calls.append("lt " + self.name)
        return B("(" + self.name + "<)", self.truth)


def check(label, fn):
    calls.clear()
    result = fn()
    print(label, result, calls)


T, F = True, False


def if_(a, b, c):
    if B("a", a) and B("b", b) or not B("c", c):
        return "then"
    return "else"


def while_(a, b):
    n = 0
    while B("a", a) or B("b", b):
        n += 1
        if n == 2:
            break
    return n


def ifexp(a, b, c):
    if (B("a", a) if B("t", b) else B("o", c)):
        return 1
    return 0


def value_and(a, b):
    return bool(B("a", a) and B("b", b))


def nested(a, b, c, d):
    return [x for x in range(1) if not (B("a", a) or B("b", b)) and (B("c", c) or B("d", d))]


def chained(a, b):
    if B("a", a) < B("b", b) < B("c", True):
        return "lt"
    return "not lt"


def asserted(a, b):
    try:
        assert B("a", a) and not B("b", b), "msg"
    except AssertionError as e:
        return "failed: %s" % e
    return "ok"


for args in [(T, T, T), (T, F, T), (F, T, F), (F, F, F)]:
    check("if %s" % (args,), lambda: if_(*args))
    check("ifexp %s" % (args,), lambda: ifexp(*args))
for args in [(T, F), (F, T), (F, F), (T, T)]:
    check("while %s" % (args,), lambda: while_(*args))
    check("and value %s" % (args,), lambda: value_and(*args))
    check("chained %s" % (args,), lambda: chained(*args))
    check("assert %s" % (args,), lambda: asserted(*args))
for args in [(T, T, T, T), (F, F, T, F), (F, F, F, T), (F, F, F, F)]:
    check("nested %s" % (args,), lambda: nested(*args))


class Bad:
    def __bool__(self):
        raise ValueError("no truth")

    def __lt__(self, other):
        return Bad()


def bad_first():
    if Bad() and True:
        pass


def bad_second():
    x = 1
    if x and Bad():
        pass


def bad_after_compare():
    x = 1
    if x < 2 and Bad():
        pass


def bad_compare_result():
    if 0 or Bad() < 1:
        pass


def bad_in_while():
    while not Bad():
        pass


def bad_in_ifexp():
    return 1 if (True and Bad()) else 2


for fn in (bad_first, bad_second, bad_after_compare, bad_compare_result, bad_in_while,
           bad_in_ifexp):
    try:
        fn()
    except ValueError:
        traceback.print_exc()
