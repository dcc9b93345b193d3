# match: class patterns — __match_args__, keyword sub-patterns, the builtins
# that match themselves, isinstance through __instancecheck__, dataclasses,
# attribute lookups and their order.
import dataclasses


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


@dataclasses.dataclass
class Card:
    rank: int
    suit: str


class Loud:
    __match_args__ = ("a", "b")

    def __getattr__(self, name):
        print("  Loud.__getattr__", name)
        if name == "missing":
            raise AttributeError(name)
        return name.upper()


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat 3d {x} {y}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2), Point3(1, 2, 0),
          Point3(0, 2, 1), (0, 0), None]:
    print(type(p).__name__, "->", where(p))


def cards(c):
    match c:
        case Card(1, "spades"):
            return "ace of spades"
        case Card(rank=r, suit="hearts") if r > 10:
            return f"high heart {r}"
        case Card(r, s):
            return f"{r} of {s}"


for c in [Card(1, "spades"), Card(12, "hearts"), Card(3, "clubs")]:
    print(c, "->", cards(c))


def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list([x, *_]) | tuple((x, *_)):
            return f"list/tuple starting {x!r}"
        case dict({"k": k}):
            return f"dict with k={k!r}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
        case dict(d):
            return f"dict {d}"
        case list(l) | tuple(l):
            return f"empty-ish {l!r}"
        case _:
            return "other"


for v in [True, -3, 7, 2.5, "s", b"b", bytearray(b"ba"), [9, 8], (7,), {"k": 1}, {1, 2},
          frozenset([3]), {"z": 0}, [], (), None]:
    print(repr(v), "->", builtin(v))


class MyInt(int):
    pass


class MyIntArgs(int):
    __match_args__ = ("real",)


match MyInt(5):
    case int(v):
        print("subclass matches itself", v, type(v).__name__)

match MyIntArgs(6):
    case MyIntArgs(r):
        print("__match_args__ wins", r, type(r).__name__)

match Loud():
    case Loud(a, b, c="cc") if False:
        pass
    case Loud(a, b=bb):
        print("loud", a, bb)

match Loud():
    case Loud(missing=m):
        print("no")
    case Loud(a):
        print("missing attribute means no match; then", a)


class Meta(type):
    def __instancecheck__(cls, obj):
        print("  __instancecheck__", type(obj).__name__)
        return isinstance(obj, int)


class AnyInt(metaclass=Meta):
    pass


match 3:
    case AnyInt():
        print("instancecheck says yes")

match "3":
    case AnyInt():
        print("no")
    case _:
        print("instancecheck says no")


def errors(cls, sub, msg_only=True):
    try:
        match sub:
            case cls(1):
                return "matched"
        return "no match"
    except TypeError as e:
        return f"TypeError: {e}"


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class BadName:
    __match_args__ = (1,)


class One:
    __match_args__ = ("x",)
    x = 1


print(errors(NoArgs, NoArgs()))
print(errors(BadArgs, BadArgs()))
print(errors(BadName, BadName()))
print(errors(One, One()))
print(errors(int, 1))
print(errors(One, 5))
print(errors(len, 5))
print(errors(One(), 5))

try:
    match One():
        case One(x, x=y):
            print("no")
except TypeError as e:
    print("TypeError:", e)

try:
    match One():
        case One(1, 2):
            print("no")
except TypeError as e:
    print("TypeError:", e)

try:
    match 5:
        case int(1, 2):
            print("no")
except TypeError as e:
    print("TypeError:", e)

import collections
match collections.Counter(a=2):
    case dict({"a": n}):
        print("counter is a dict", n)

# uncaught: the class position is not a class
handler = print
match 1:
    case handler():
        print("no")
