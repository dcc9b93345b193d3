# match: sequence patterns (fixed, starred, *_ by subscripts, what counts as
# a sequence) and mapping patterns (keys, **rest, get() protocol, errors).
import array
import collections
import collections.abc


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [1, *rest]:
            return f"starts with 1, rest {rest!r}"
        case [*init, 99]:
            return f"ends with 99, init {init!r}"
        case [a, *mid, z] if len(mid) > 2:
            return f"long {a!r} {mid!r} {z!r}"
        case [a, *_, z]:
            return f"ends {a!r} {z!r}"
        case _:
            return "not a sequence"


for v in [[], (), [5], (5,), [1, 2], "ab", b"ab", bytearray(b"ab"), [1, 2, 3], (7, 8, 99),
          [3, 4, 5, 6, 7], [3, 4, 5], range(4), range(1, 5), collections.deque([4, 5, 6]),
          array.array("i", [2, 3, 4]), memoryview(b"xyz"), {1: 2}, {1, 2}, iter([1, 2]), 7,
          "abc", [[1, 2], [3]]]:
    r = repr(v)
    print(type(v).__name__, r[:30] if " at 0x" not in r else "", "->", seq(v))


def nested(v):
    match v:
        case [[a, b], [c, *d], *_]:
            return f"nested {a} {b} {c} {d}"
        case [(1 | 2) as k, [*inner]]:
            return f"or-as {k} {inner}"
        case _:
            return "no"


for v in [[[1, 2], [3, 4, 5]], [[1, 2], [3], 9, 9], [2, [7, 8]], [3, [7]], [[1], [2]]]:
    print(repr(v), "->", nested(v))


class MySeq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        print("  MySeq.__len__")
        return len(self.items)

    def __getitem__(self, i):
        print("  MySeq.__getitem__", i)
        return self.items[i]

    def __iter__(self):
        print("  MySeq.__iter__")
        return iter(self.items)


class Registered:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


collections.abc.Sequence.register(Registered)


class NotSeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


print(seq(MySeq(1, 2, 3, 4, 5)))
print(seq(MySeq(6, 7, 8)))
print(seq(MySeq(3, 4, 5, 6, 7, 8)))
print(seq(Registered(1, 2, 3)))
print(seq(NotSeq()))


def subscr(v):
    match v:
        case [first, *_, last]:
            return first, last
        case [*_, last]:
            return (last,)


print(subscr(MySeq(10, 20, 30)))
print(subscr(MySeq(40)))


def mapping(m):
    match m:
        case {}:
            pass
    match m:
        case {"x": 0, "y": 0}:
            return "origin"
        case {"x": x, "y": y, **rest} if rest:
            return f"point {x},{y} with {rest}"
        case {"x": x, "y": y}:
            return f"point {x},{y}"
        case {1: one, -1: minus, 2.5: f, None: n}:
            return f"odd keys {one} {minus} {f} {n}"
        case {"kind": "circle", "r": r}:
            return f"circle {r}"
        case {**everything}:
            return f"any mapping {everything}"
        case _:
            return "not a mapping"


for v in [{"x": 0, "y": 0}, {"x": 1, "y": 2}, {"x": 1, "y": 2, "z": 3}, {"x": 1},
          {1: "a", -1: "b", 2.5: "c", None: "d"}, {"kind": "circle", "r": 3},
          collections.OrderedDict(kind="circle", r=4), {}, [("x", 1)], "x"]:
    print(repr(v), "->", mapping(v))


class Defaulting(collections.defaultdict):
    pass


d = Defaulting(list, {"a": 1})
match d:
    case {"a": 1, "b": _}:
        print("has b?!")
    case {"a": a}:
        print("only a", a, "b created:", "b" in d)


class LoudMap(collections.abc.Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        print("  LoudMap.__getitem__", k)
        return self.d[k]

    def __len__(self):
        print("  LoudMap.__len__")
        return len(self.d)

    def __iter__(self):
        print("  LoudMap.__iter__")
        return iter(self.d)

    def get(self, k, default=None):
        print("  LoudMap.get", k)
        return self.d.get(k, default)

    def keys(self):
        print("  LoudMap.keys")
        return self.d.keys()


match LoudMap(a=1, b=2, c=3):
    case {"a": 1, "c": c, **others}:
        print("loud", c, others)

match LoudMap(a=1):
    case {"a": 1, "zz": _}:
        print("no")
    case {"a": x}:
        print("loud a", x)


class Keys:
    A = "a"
    B = "a"


def dup(m):
    match m:
        case {Keys.A: 1, Keys.B: 2}:
            return "dup matched"
    return "no"


try:
    dup({"a": 1})
except ValueError as e:
    print("ValueError:", e)


class NoGet(collections.abc.Mapping):
    __getitem__ = __iter__ = None
    get = property(lambda self: 1 / 0)

    def __len__(self):
        return 1


try:
    match NoGet():
        case {"k": v}:
            print("no")
except ZeroDivisionError as e:
    print("get lookup failed:", e)


class LenFails(list):
    def __len__(self):
        raise RuntimeError("len fails")


try:
    match LenFails([1, 2]):
        case [a, b]:
            print("no")
except RuntimeError as e:
    print("RuntimeError:", e)


class ShortIter(list):
    def __iter__(self):
        return iter([1])


try:
    match ShortIter([1, 2]):
        case [a, b]:
            print("no")
except ValueError as e:
    print("ValueError:", e)

# uncaught, from the dict copy for **rest
class BadKeys(LoudMap):
    def keys(self):
        raise KeyError("keys broken")


match BadKeys(a=1):
    case {"a": 1, **rest}:
        print("rest", rest)
