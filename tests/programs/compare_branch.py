# Comparisons used only as branches (`if a < b`, `while i < n`) answer as C
# ints; results that are not bools keep CPython's truth test and positions.
class Vec:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return Mask(self.v < other.v)

    def __eq__(self, other):
        return "yes" if self.v == other.v else ""


class Mask:
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        print("bool of mask", self.b)
        return self.b


class Ambiguous:
    def __lt__(self, other):
        return self

    def __bool__(self):
        raise ValueError("truth value is ambiguous")


def count(n):
    i = 0
    while i < n:
        i += 1
    return i


def classify(a, b):
    out = []
    if a < b:
        out.append("lt")
    if not a <= b:
        out.append("not le")
    if a == b:
        out.append("eq")
    if a is b:
        out.append("is")
    if a is not None:
        out.append("not None")
    if a in (1, 2.0, "x"):
        out.append("in")
    if b not in [3, 4]:
        out.append("not in")
    return out


print(count(10), count(0), count(2.5))
s = "same"
for a, b in [(1, 2), (2, 1), (1, 1), (1.5, 1.5), (2.0, 1), (1, 2 ** 70), ("x", "y"),
             (s, s), (3, 4), (float("nan"), float("nan")), (True, 2)]:
    print(a, b, classify(a, b))
if Vec(1) < Vec(2):
    print("vec lt")
if not Vec(3) < Vec(2):
    print("vec not lt")
if Vec(1) == Vec(1):
    print("vec eq")
while Vec(5) == Vec(6):
    print("never")
try:
    if "a" < 1:
        print("no")
except TypeError as e:
    print("TypeError", e)


def ambiguous():
    x = Ambiguous()
    if (x <
            x):
        return 1
    return 0


try:
    ambiguous()
except ValueError as e:
    print("ValueError", e)


def ambiguous_ifexp():
    x = Ambiguous()
    return "a" if (x <
                   x) else "b"


try:
    ambiguous_ifexp()
except ValueError as e:
    import traceback
    traceback.print_exc()
ambiguous()
