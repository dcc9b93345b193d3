# Generator expressions consumed in place by list(), tuple(), set(),
# frozenset(), sorted(), sum(), min(), max(), any(), all() and str.join
# (src/opt/collect.c, runtime/collect.c): results, call order, frames,
# tracebacks and fallbacks must be CPython's.
import builtins
import sys
import traceback
from decimal import Decimal
from fractions import Fraction

log = []


def show(label, value):
    print(label, type(value).__name__, value)


xs = [3, 1, 4, 1, 5, 9, 2, 6]

# ---- every consumer ------------------------------------------------------
show("list", list(x * 2 for x in xs if x > 1))
show("tuple", tuple(x for x in xs))
show("tuple empty", tuple(x for x in []))
print("tuple empty is the empty tuple", id(tuple(x for x in [])) == id(()))
show("set", set(x % 4 for x in xs))
show("frozenset", frozenset(x % 3 for x in xs))
show("sorted", sorted(-x for x in xs))
show("sum", sum(x for x in xs))
show("min", min(x for x in xs))
show("max", max(x for x in xs))
show("any", any(x > 8 for x in xs))
show("all", all(x > 0 for x in xs))
show("any empty", any(x for x in []))
show("all empty", all(x for x in []))
show("join", "-".join(str(x) for x in xs))
show("join empty", ", ".join(str(x) for x in []))
sep = "+"
show("join var", sep.join(c for c in "abc"))

# ---- sum's loops: int, overflow, float, generic ---------------------------
show("sum ints", sum(x for x in range(1000)))
show("sum bools", sum(x for x in [True, True, False, 3]))
show("sum overflow", sum(x for x in [2**62, 2**62, 2**62, 5]))
show("sum neg overflow", sum(x for x in [-2**62, -2**62, -2**62, -5]))
show("sum big first", sum(x for x in [2**70, 1, 2]))
show("sum int then float", sum(x for x in [1, 2, 0.5, 3, 2**70]))
show("sum floats", sum(x / 3 for x in range(10)))
show("sum float then int", sum(x for x in [0.1, 0.2, 7, 0.3]))
show("sum float then big int", sum(x for x in [0.5, 2**80, 1]))
show("sum decimal", sum(Decimal(x) / 7 for x in range(5)))
show("sum fraction", sum(Fraction(1, x) for x in range(1, 6)))
show("sum complex", sum(complex(x, 1) for x in range(4)))


class I(int):
    def __add__(self, other):
        log.append("I.__add__")
        return I(int(self) + int(other))

    __radd__ = __add__


show("sum int subclass", sum(I(x) for x in range(4)))
show("sum float with int subclass", sum(x for x in [1.5, I(2), 2.5]))
print(log)
log.clear()

# ---- min, max: ties keep the first ----------------------------------------


class K:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag

    def __lt__(self, other):
        log.append(("lt", self.tag, other.tag))
        return self.k < other.k

    def __gt__(self, other):
        log.append(("gt", self.tag, other.tag))
        return self.k > other.k

    def __repr__(self):
        return "K%s" % self.tag


ks = [K(2, "a"), K(1, "b"), K(1, "c"), K(3, "d"), K(3, "e")]
print("min", min(k for k in ks), "max", max(k for k in ks), log)
log.clear()
print("sorted", sorted(k for k in ks))
log.clear()

# ---- order of the body's and the consumer's work --------------------------


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        log.append("hash %d" % self.v)
        return hash(self.v)

    def __eq__(self, other):
        log.append("eq %d %d" % (self.v, other.v))
        return self.v == other.v


def made(v):
    log.append("make %d" % v)
    return H(v)


print(len(set(made(v) for v in [1, 2, 1, 3])))
print(log)
log.clear()


class T:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append("bool %d" % self.v)
        return self.v > 1


def producing(v):
    log.append("produce %d" % v)
    return T(v)


print(any(producing(v) for v in range(5)), log)
log.clear()
print(all(producing(v) for v in [5, 4, 1, 7]), log)
log.clear()

# ---- an early answer closes what the body iterates ------------------------


def inner():
    try:
        for i in range(10):
            yield i
    finally:
        print("inner closed")


print("any early", any(x > 2 for x in inner()))
print("after any")
print("all early", all(x < 2 for x in inner()))
print("after all")

# ---- frames seen by the consumer's calls and by the body -------------------


def frame_names():
    f = sys._getframe(1)
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


class Seen:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash sees", frame_names())
        return self.v

    def __bool__(self):
        print("bool sees", frame_names())
        return True

    def __add__(self, other):
        print("add sees", frame_names())
        return self

    __radd__ = __add__

    def __lt__(self, other):
        print("lt sees", frame_names())
        return False


def body_value(v):
    print("body sees", frame_names())
    return Seen(v)


def frames():
    set(body_value(v) for v in [1])
    any(body_value(v) for v in [1])
    sum(body_value(v) for v in [1, 2])
    min(body_value(v) for v in [1, 2])
    sorted(body_value(v) for v in [1, 2])


frames()

# ---- tracebacks ------------------------------------------------------------


def report(fn):
    try:
        fn()
    except BaseException:
        traceback.print_exc(file=sys.stdout)


def body_raises():
    return sum(10 // x for x in [5, 0, 1])


def consumer_raises():
    return set([x] for x in [1])


def add_raises():
    return sum(x for x in [1, "a"])


def min_empty():
    return min(x for x in [])


def join_raises():
    return "".join(x for x in ["a", 1])


def sort_raises():
    return sorted(x for x in [1, "a"])


def body_stops():
    def g(x):
        raise StopIteration(x)
    return list(g(x) for x in [1])


class HashStops:
    def __hash__(self):
        raise StopIteration("from hash")


def consumer_stops():
    return set(HashStops() for _ in [1])


def not_iterable():
    return sum(x for x in 5)


for fn in (body_raises, consumer_raises, add_raises, min_empty, join_raises,
           sort_raises, body_stops, consumer_stops, not_iterable):
    report(fn)

# ---- what the names are at run time ----------------------------------------


def shadowed():
    sum = lambda g: "my sum of " + ",".join(str(x) for x in g)  # noqa: E731
    return sum(x for x in [1, 2])


print(shadowed())
builtins.sum, real_sum = (lambda g, start=0: "patched " + str(list(g))), builtins.sum
print(sum(x for x in [1, 2]))
builtins.sum = real_sum
print(sum(x for x in [1, 2]))
min = max
print("min is max:", min(x for x in [1, 2]))
del min
list = tuple
print("list is tuple:", list(x for x in [1, 2]))
del list


class Joiner(str):
    def join(self, it):
        return "Joiner:" + str.join(self, it)


print(Joiner("/").join(c for c in "xy"))
print(b"-".join(bytes([c]) for c in b"ab"))


class Scope:
    items = [1, 2, 3]
    total = sum(x for x in items)
    biggest = max(x * 2 for x in items)


print("class body", Scope.total, Scope.biggest)


# ---- closures, cells, nesting ----------------------------------------------


def closures(n):
    scale = 3

    def bump():
        nonlocal scale
        scale += 1

    bump()
    rows = [[i * j for j in range(n)] for i in range(n)]
    total = sum(sum(v * scale for v in row) for row in rows)
    pairs = sorted((i, j) for i in range(n) for j in range(i) if (i + j) % 2)
    return total, pairs, max(len(str(x)) for x in pairs)


print(closures(4))

# ---- list sizes as list() gives them ---------------------------------------
print([sys.getsizeof(list(x for x in range(n))) for n in range(0, 40, 3)])
print([sys.getsizeof(sorted(-x for x in range(n))) for n in range(0, 40, 7)])

# ---- a trace function sees the generator -----------------------------------
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "<genexpr>" and event != "line":
        events.append(event)
    return tracer


sys.settrace(tracer)
traced = sum(x for x in [1, 2])
sys.settrace(None)
print("traced", traced, events)

# ---- deep recursion through a generator expression ---------------------------


def depth(n):
    return 0 if n == 0 else 1 + max(depth(n - 1) for _ in [0])


print("depth", depth(50))
