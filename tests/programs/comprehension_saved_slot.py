"""A comprehension that reads one of its own variables before binding it:
`for (l[0], l) in ...` stores into an item of its own l, an iterable or
condition reads a variable a later `for` binds.  3.12+ inlines it (PEP
709) into the function: its variables live in the function's own slots,
whose outer values are saved before the loop and restored after it, on
the normal and on the exceptional way out; so the early read raises
UnboundLocalError, and the function's l is back afterwards.  (Before 3.12
the comprehension is a function of its own: the same errors, one frame
more in the traceback.)"""
import sys


def caller_l(tag):
    """What the comprehension's frame shows as l (f_locals)."""
    print(" ", tag, "f_locals l:", sys._getframe(1).f_locals.get("l", "<unbound>"))
    return tag


def target_reads_own():
    l = [None]
    try:
        r = [1 for (l[0], l) in [[1, 2]]]
    except UnboundLocalError as e:
        print("target_reads_own:", type(e).__name__, e)
    print("  l after:", l)
    caller_l("after")
    return l


def target_reads_own_later():
    l = "outer"
    r = [(caller_l("in"), l) for (l, l[0]) in [[[7], 2], [[8], 3]]]
    print("target_reads_own_later:", r, l)


def raises_midway():
    l = "outer"
    try:
        [caller_l("mid") for (l, l[0]) in [[[7], 2], 5]]
    except TypeError as e:
        print("raises_midway:", e)
    print("  l after:", l)
    caller_l("after")


def unbound_before():
    try:
        [1 for (l[0], l) in [[1, 2]]]
    except UnboundLocalError as e:
        print("unbound_before:", e)
    if False:
        l = 1
    try:
        return l
    except UnboundLocalError as e:
        print("  still unbound:", e)


def later_for_binds(n):
    y = "outer y"
    try:
        r = [(x, y) for x in range(n) for y in y]
        print("later_for_binds:", r)
    except UnboundLocalError as e:
        print("later_for_binds:", e)
    print("  y after:", y)


def condition_reads_later():
    z = 5
    try:
        print([x for x in range(3) if z for z in [x]])
    except UnboundLocalError as e:
        print("condition_reads_later:", e)
    print("  z after:", z)


def nested(items):
    l = "outer"
    r = [[(l, k) for (k, l[0]) in [(1, 0)]] for l in items]
    print("nested:", r, l)


class Noisy:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    def __del__(self):
        print("  del", self.name)


def release_order():
    l = [Noisy("outer")]
    r = [len(l) for (l, l[0]) in [([Noisy("a1")], Noisy("a2")), ([Noisy("b1")], Noisy("b2"))]]
    print("release_order:", r, l)


def parameter(l):
    try:
        return [1 for (l[0], l) in [[1, 2]]]
    except UnboundLocalError as e:
        print("parameter:", e, l)
    return l


def in_generator(items):
    l = "outer"
    yield [l for (l, l[0]) in items]
    yield l
    try:
        yield [l for (l, l[0]) in [([1], 2), 3]]
    except TypeError as e:
        yield str(e)
    yield l


target_reads_own()
target_reads_own_later()
raises_midway()
unbound_before()
later_for_binds(0)
later_for_binds(2)
condition_reads_later()
nested([[0], [1]])
release_order()
print("parameter:", parameter([0]))
print("in_generator:", list(in_generator([([5], 6)])))
target_reads_own.__code__ and print("varnames:", "l" in target_reads_own.__code__.co_varnames)


def uncaught():
    l = [None]
    return [1 for (l[0], l) in [[1, 2]]]


uncaught()
