# Data descriptors of static types (property, getset and member
# descriptors, named tuple fields) loaded through the site's cache: their
# __get__ called directly, as the generic getattr does; everything that can
# change what a load means is seen.
import collections


class P:
    def __init__(self, v):
        self.v = v

    @property
    def double(self):
        return self.v * 2

    @property
    def fails(self):
        raise AttributeError("fails from the getter")

    @property
    def value_error(self):
        raise ValueError(self.v)


def loads(objs):
    out = []
    for o in objs:
        out.append(o.double)
    return out


ps = [P(i) for i in range(5)]
print(loads(ps), loads(ps))
for name in ("fails", "value_error"):
    try:
        getattr(ps[1], name)
        print("no error")
    except (AttributeError, ValueError) as e:
        print(type(e).__name__, e)


def read_fails(p):
    try:
        return p.fails
    except AttributeError as e:
        return "caught: %s" % e


print(read_fails(ps[0]), read_fails(ps[1]))

# the property replaced on the class: the next load sees the new one
P.double = property(lambda self: "new getter %d" % self.v)
print(loads(ps[:2]))
# the same property object given another getter (no version change)
P.double.__init__(lambda self: "reinitialized %d" % self.v)
print(loads(ps[:2]))
# a plain class attribute instead, then an instance value shadowing it
P.double = 42
print(loads(ps[:2]))
ps[0].double = "instance value"
print(loads(ps[:2]))
del P.double


# the getter deletes its own property from the class
class Selfish:
    @property
    def once(self):
        del Selfish.once
        return "deleted myself"


s = Selfish()
s.__dict__["once"] = "instance value now visible"


def read_once(o):
    return o.once


print(read_once(s), read_once(s))


# a descriptor class defined in Python: never cached, and losing __set__
# makes the instance's value win again
class Data:
    def __get__(self, obj, owner):
        return "Data.__get__"

    def __set__(self, obj, value):
        raise AttributeError("read-only")


class Holder:
    d = Data()


h = Holder()
h.__dict__["d"] = "instance"


def read_d(o):
    return o.d


print(read_d(h), read_d(h))
del Data.__set__
print(read_d(h), read_d(h))

# named tuple fields, exception attributes, __class__, complex members
Point = collections.namedtuple("Point", "x y")


def norm1(points):
    return sum(abs(p.x) + abs(p.y) for p in points)


pts = [Point(i, -i) for i in range(10)]
print(norm1(pts), norm1(pts))


def exc_info(excs):
    return [(e.args, e.__class__.__name__, e.__traceback__) for e in excs]


print(exc_info([ValueError(1), KeyError("k"), OSError(2, "no such")]))
print([(z.real, z.imag) for z in (1 + 2j, 3j, complex(4))])
print([o.__class__ for o in (1, "a", P(0), h)])

# a getter that raises, uncaught: the traceback points at the load
ps[2].value_error
