# Attribute and global-name caches over the dict layouts of 3.10
# (runtime/compat/object310.h), where instance attributes live in a real
# __dict__: split dicts turning combined, entries taken back by popitem,
# keys of other types equal to a name, tables whose hash index is wider
# than a byte, and module dicts cleared or resized.  Each site runs many
# times so that its cache is filled before the change.


class P:
    kind = "class"

    def __init__(self, x):
        self.x = x
        self.y = x + 1

    def norm(self):
        return self.x + self.y


def read_x(o):
    return o.x


def read_kind(o):
    return o.kind


def call_norm(o):
    return o.norm()


def write_x(o, v):
    o.x = v


def loop(f, o, n=50):
    r = None
    for _ in range(n):
        r = f(o)
    return r


# a split dict becomes combined when an attribute is deleted
p = P(1)
print(loop(read_x, p), loop(call_norm, p), loop(read_kind, p))
del p.y
p.y = 10
print(loop(read_x, p), loop(call_norm, p))
for i in range(30):
    write_x(p, i)
print(loop(read_x, p))

# popitem takes the last entry back; the cached index must not answer
q = P(2)
loop(read_x, q)
print(vars(q).popitem(), vars(q).popitem())
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)
q.x = 5
print(loop(read_x, q), loop(read_kind, q))


# a key of another type equal to a name: found by the dict's own lookup
class Equal:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        return other == self.s


r = P(3)
print(loop(call_norm, r), loop(read_kind, r))
r.__dict__[Equal("norm")] = lambda: "instance norm"
r.__dict__[Equal("kind")] = "instance kind"
print(loop(call_norm, r), loop(read_kind, r))
print(loop(call_norm, P(4)), loop(read_kind, P(4)))

# many attributes: the hash index is wider than a byte
big = P(0)
for i in range(400):
    setattr(big, "a%d" % i, i)
print(loop(read_x, big), loop(call_norm, big), loop(read_kind, big))
del big.x
big.x = -1
print(loop(read_x, big))
setattr(big, "kind", "shadowed")
print(loop(read_kind, big))

# a __dict__ replaced by another one
s = P(6)
loop(read_x, s)
s.__dict__ = {"x": "replaced", "y": 0}
print(loop(read_x, s))

# the same site over instances of several classes
class Q(P):
    kind = "sub"


objs = [P(1), Q(2), P(3), Q(4)]
print([loop(read_kind, o, 5) for o in objs], [loop(call_norm, o, 5) for o in objs])

# globals: rebound, deleted, re-added after the dict grew, builtins shadowed
G = 1


def read_g():
    return G


def call_len():
    return len("abc")


print(loop(lambda _: read_g(), None), loop(lambda _: call_len(), None))
G = 2
print(loop(lambda _: read_g(), None))
del G
try:
    read_g()
except NameError as e:
    print("NameError:", e)
for i in range(200):
    globals()["g%d" % i] = i
G = 3
print(loop(lambda _: read_g(), None))
globals()["len"] = lambda s: "module len"
print(loop(lambda _: call_len(), None))
del globals()["len"]
print(loop(lambda _: call_len(), None))


# stores filling a split dict's values in its keys' order, in place; out
# of order, the dict becomes combined
class V:
    def __init__(self, x, y, z, swap=False):
        self.x = x
        if swap:
            self.z = z
            self.y = y
        else:
            self.y = y
            self.z = z


vs = [V(i, i + 1, i + 2, swap=(i % 7 == 3)) for i in range(40)]
print([len(vars(v)) for v in vs[:8]], list(vars(vs[3])), list(vars(vs[4])))
print(sum(v.x + v.y + v.z for v in vs), vars(vs[-1]))
w = V(1, 2, 3)
del w.y
w2 = V(4, 5, 6)
print(vars(w), vars(w2), len(vars(w2)))
