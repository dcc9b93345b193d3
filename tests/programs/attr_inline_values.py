# Attribute caches over the places an instance keeps its attributes, the
# cases where 3.13 differs from 3.11 and 3.12 (runtime/compat/object313.h):
# values inline after the object head with a `valid` flag, a __dict__ that
# shares those values while they stay valid, classes with a managed
# __dict__ but no inline values (__slots__ beside __dict__, subclasses of
# C types), instances made while the shared keys had more or less room.
# Each site is warmed up on other instances first, so the cache holds an
# entry for the class when the case under test comes.


class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def read_x(o):
    return o.x


def read_kind(o):
    return o.kind


def call_norm(o):
    return o.norm()


def set_x(o, v):
    o.x = v


def set_z(o, v):
    o.z = v


def warm(*objs):
    for _ in range(20):
        for o in objs:
            set_x(o, read_x(o))
            read_kind(o)
            call_norm(o)


warm(P(1, 2), P(3, 4))

# 1. A __dict__ made from the values shares them: stores through the
# cached sites show in it, stores into it show through the sites.
a = P(1, 2)
d = vars(a)
set_x(a, 10)
print(d, read_x(a), call_norm(a))
d["x"] = 11
print(read_x(a), call_norm(a), read_kind(a))

# 2. ... and an attribute added back by a cached store counts in it (its
# length, its order): the store must not go around the dict.
del a.x
print(len(d), list(d))
set_x(a, 12)
print(len(d), list(d), d, read_x(a))
b = P(1, 2)
d2 = vars(b)
del d2["x"]
set_x(b, 13)
print(len(d2), list(d2), vars(b))

# 3. Insertion order without a dict: an attribute deleted, then added
# again by the cached store, comes last in vars().
c = P(1, 2)
del c.x
set_x(c, 14)
print(list(vars(c)), read_x(c))
set_z(c, 1)
set_z(P(0, 0), 2)
print(list(vars(c)))

# 4. The dict outgrows the shared keys: the values are given up (3.13:
# `valid` drops), the dict holds the attributes; the sites read and store
# there.
e = P(1, 2)
de = vars(e)
for i in range(40):
    de["extra%d" % i] = i
de["x"] = 15
print(read_x(e), call_norm(e), read_kind(e))
set_x(e, 16)
print(de["x"], read_x(e), len(de))
e.__dict__ = {"x": 17, "y": 1, "kind": "own"}
print(read_x(e), read_kind(e), call_norm(e))
set_x(e, 18)
print(e.__dict__)

# 5. A name the class has, set in the instance's dict: it shadows the
# class attribute and the method from then on.
f = P(1, 2)
warm(f)
vars(f)["kind"] = "shadowed"
vars(f)["norm"] = lambda: "own norm"
print(read_kind(f), call_norm(f), read_kind(P(0, 0)), call_norm(P(2, 0)))
g = P(1, 2)
g.kind = "set on g"
g.norm = lambda: "g norm"
print(read_kind(g), call_norm(g))


# 6. Classes with a managed __dict__ but no inline values on 3.13.
class WithSlot:
    __slots__ = ("s", "__dict__")

    kind = "with slot"

    def __init__(self, x):
        self.s = "slot"
        self.x = x
        self.y = 0

    def norm(self):
        return self.x * 2


class ListSub(list):
    kind = "list sub"

    def __init__(self, x):
        super().__init__([x])
        self.x = x
        self.y = 0

    def norm(self):
        return self.x * 3


objs = [P(1, 1), WithSlot(2), ListSub(3), P(4, 4), WithSlot(5)]
warm(*objs)
for k in range(3):
    for o in objs:
        set_x(o, read_x(o) + 1)
print([read_x(o) for o in objs], [read_kind(o) for o in objs],
      [call_norm(o) for o in objs], [list(vars(o)) for o in objs])
w = WithSlot(7)
warm(w)
del w.x
try:
    read_x(w)
except AttributeError as exc:
    print("AttributeError:", exc)
set_x(w, 8)
print(read_x(w), w.s, vars(w))


# 7. Instances made while the shared keys had more room than later ones:
# a name the keys gain afterwards is read from every one of them.
class Grow:
    def __init__(self):
        self.a = 1


def read_late(o):
    return o.late


early = [Grow() for _ in range(5)]
many = [Grow() for _ in range(200)]
late = Grow()
late.late = "late"
for o in early[:2] + many[:2]:
    o.late = "set later"
for o in [late] + early + many[:3]:
    try:
        print(read_late(o), end=" ")
    except AttributeError as exc:
        print("missing", end=" ")
print()
for i in range(30):
    setattr(late, "n%d" % i, i)
print(read_late(late), len(vars(late)))

# 8. A dict watcher (3.12 on, CPython's test module) sees what the
# interpreter's own stores show it, no more, no less.
try:
    import _testcapi
    watch = _testcapi.add_dict_watcher
except (ImportError, AttributeError):
    watch = None
if watch is not None:
    h = P(1, 2)
    dh = vars(h)
    wid = watch(0)
    _testcapi.watch_dict(wid, dh)
    for i in range(3):
        set_x(h, i)
    dh["y"] = 5
    set_x(h, read_x(h) + call_norm(h))
    events = _testcapi.get_dict_watcher_events()
    _testcapi.unwatch_dict(wid, dh)
    _testcapi.clear_dict_watcher(wid)
    print("watched:", events)
print(vars(P(0, 1)), read_x(P(5, 0)))
