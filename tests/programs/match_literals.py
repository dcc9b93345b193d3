# match: literal, singleton, capture, wildcard, value, or and as patterns,
# guards, and how names are bound (only on a whole match, before the guard).
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Consts:
    ZERO = 0
    NAME = "n"


class Eq:
    """Compares equal to everything and says so."""
    def __init__(self, tag):
        self.tag = tag

    def __eq__(self, other):
        print("  Eq.__eq__", self.tag, repr(other))
        return True

    def __repr__(self):
        return f"Eq({self.tag})"


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  Truthy.__bool__", self.v)
        return self.v


class WeirdEq:
    def __eq__(self, other):
        return Truthy(other == 3)


def literal(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2:
            return "minus two"
        case 1 + 2j:
            return "complex"
        case -3 - 4j:
            return "neg complex"
        case "text":
            return "text"
        case b"raw":
            return "bytes"
        case "a" "b":
            return "concatenated"
        case _:
            return "other"


for v in [None, True, False, 0, 0.0, 1, 1.0, 1.5, -2, -2.0, 1 + 2j, -3 - 4j, "text",
          b"raw", "ab", bytearray(b"raw"), [], Eq("lit")]:
    print(repr(v), "->", literal(v))


def value(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN | Consts.ZERO:
            return "green or zero"
        case Consts.NAME:
            return "name"
        case _:
            return "no value"


for v in [Color.RED, Color.GREEN, 0, False, "n", 1, Eq("val")]:
    print(repr(v), "->", value(v))


def captures(v):
    match v:
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case (4 | 5) as mid if mid > 4:
            return f"five {mid}"
        case str() | bytes() as s:
            return f"stringish {s!r}"
        case x if x == 4:
            return f"four via guard {x}"
        case x:
            return f"anything {x}"


for v in [1, 2, 3, 4, 5, "s", b"b", 6.5]:
    print(repr(v), "->", captures(v))


def guard_binds(v):
    x = "unbound-before"
    match v:
        case [x, y] if x > y:
            return f"desc {x} {y}"
        case _:
            return f"guard failed, x is now {x!r}"


print(guard_binds([3, 1]))
print(guard_binds([1, 3]))
print(guard_binds("no"))


def partial(v):
    # a name captured in a sub-pattern that matched stays unbound when a
    # later sub-pattern fails (CPython binds at the end)
    a = "before"
    match v:
        case [a, 2]:
            return f"matched {a}"
        case _:
            return f"a is still {a!r}"


print(partial([1, 2]))
print(partial([1, 3]))


def weird(v):
    match v:
        case 3:
            return "three"
        case _:
            return "not three"


print(weird(WeirdEq()))


def eq_order(v):
    match v:
        case 1 | 2:
            return "one or two"
        case _:
            return "neither"


print(eq_order(Eq("order")))


def multi_or(v):
    match v:
        case [1, x] | [x, 1] | (2, x, _):
            return f"x={x}"
        case {"a": y} | {"b": y}:
            return f"y={y}"
    return "fell through"


for v in [[1, 9], [8, 1], (2, 7, 0), {"a": 1}, {"b": 2}, {"c": 3}, [5, 5]]:
    print(repr(v), "->", multi_or(v))

# match at module level binds globals
match [10, 20]:
    case [first, second]:
        print("globals", first, second, "first" in globals())


class Body:
    match (1, 2):
        case (p, q):
            total = p + q
    print("class body", p, q, total)


print(Body.total, Body.p)


def fall_through(v):
    match v:
        case 1:
            print("one")
    print("after match")


fall_through(1)
fall_through(2)

# guard errors propagate with a traceback through the guard's line
def guard_error(v):
    match v:
        case [a] if 1 / a:
            return "ok"
    return "no"


print(guard_error([1]))
try:
    guard_error([0])
except ZeroDivisionError as e:
    print("guard raised", e)

for i in range(3):
    match i:
        case 0:
            continue
        case 1:
            print("loop one")
        case _:
            break
print("loop done")

# value patterns compare with ==, never by identity first (nan, an object
# whose __eq__ says no); MATCH_KEYS finds a key by identity (dict lookup)
class Same:
    nan = float("nan")

    class Never:
        def __eq__(self, o):
            print("  Never.__eq__")
            return False
    never = Never()


for v in [Same.nan, Same.never]:
    match v:
        case Same.nan:
            print("nan matched")
        case Same.never:
            print("never matched")
        case _:
            print("identity is not equality")
match {Same.nan: 1}:
    case {Same.nan: 1}:
        print("key nan found")

# uncaught: the equality check raising
class BadEq:
    def __eq__(self, other):
        raise ValueError("no comparing")

match BadEq():
    case 5:
        print("unreachable")
