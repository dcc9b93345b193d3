# Method calls of a classmethod through its class (`Strength.stronger(a,
# b)`), which the attribute cache answers with the function and the class
# going first (pyc2c/attrs.h, TYPE_CLASSMETHOD), and polymorphic sites whose
# ways hold several classes.  Each site runs many times, so its cache is
# filled first; then the classmethod changes in every way CPython notices,
# and the calls must see the change.
import functools


class Strength:
    def __init__(self, value, name):
        self.value = value
        self.name = name

    @classmethod
    def stronger(cls, a, b):
        return (cls.__name__, a.value < b.value)

    @classmethod
    def pick(cls, a, b):
        return a if cls.stronger(a, b)[1] else b

    def __repr__(self):
        return "Strength(%r)" % self.name


class Weaker(Strength):
    pass


REQ = Strength(0, "required")
WEAK = Weaker(5, "weak")


def compare(cls, a, b):
    return cls.stronger(a, b)


def run(label, cls, rounds=40):
    out = None
    for _ in range(rounds):
        out = compare(cls, REQ, WEAK)
    print(label, out)


run("base", Strength)
run("subclass", Weaker)

# the same site sees both classes in turn (two ways)
seen = set()
for i in range(60):
    seen.add(compare(Strength if i % 2 else Weaker, WEAK, REQ))
print("both", sorted(seen))

# through an instance: the class of the instance goes first
print("instance", compare(REQ, REQ, WEAK), compare(WEAK, REQ, WEAK))


# a classmethod calling another one through cls
def picks(rounds=30):
    r = None
    for _ in range(rounds):
        r = Strength.pick(WEAK, REQ)
    return r


print("pick", picks())


# replaced on the class: a new version tag
def other(cls, a, b):
    return ("other", cls.__name__)


Strength.stronger = classmethod(other)
run("replaced", Strength)
run("replaced, subclass", Weaker)


# the classmethod object re-initialised in place: the type's version tag
# does not change, the wrapped function does
def third(cls, a, b):
    return ("third", cls.__name__)


Strength.__dict__["stronger"].__init__(third)
run("reinitialised", Strength)


# a classmethod of something that is not a plain function: not cached, the
# call still goes through classmethod's __get__
class Callable:
    def __call__(self, *args):
        return ("callable", len(args))


Strength.stronger = classmethod(Callable())
run("callable object", Strength)
Strength.stronger = classmethod(functools.partial(other))
run("partial", Strength)


# a staticmethod on the same site after a classmethod
def static_version(a, b):
    return ("static", a.name, b.name)


Strength.stronger = staticmethod(static_version)
run("staticmethod", Strength)

# a plain function: loaded from the class it is not bound
Strength.stronger = lambda a, b: ("plain", a.name, b.name)
run("plain function", Strength)

# deleted: the subclass no longer finds it
del Strength.stronger
try:
    run("deleted", Weaker)
except AttributeError as e:
    print("AttributeError", e)


# a metaclass other than type: its own rules
class Meta(type):
    def __getattribute__(cls, name):
        if name == "stronger":
            return lambda a, b: ("meta", a.name)
        return super().__getattribute__(name)


class WithMeta(metaclass=Meta):
    @classmethod
    def stronger(cls, a, b):
        return ("never", cls)


run("metaclass", WithMeta)


# raising inside the classmethod: the traceback goes through the call site
class Raiser:
    @classmethod
    def stronger(cls, a, b):
        if a is b:
            raise ValueError("same strength " + cls.__name__)
        return ("raiser", a.name)


run("raiser", Raiser)
try:
    compare(Raiser, REQ, REQ)
except ValueError as e:
    print("ValueError", e)


# a polymorphic site of instance values and methods over five classes, more
# than the cache's ways
class Shape:
    def __init__(self, n):
        self.n = n
        self.link = None

    def area(self):
        return self.n


class Sq(Shape):
    def area(self):
        return self.n * self.n


class Tri(Shape):
    def area(self):
        return self.n * 3


class Hex(Shape):
    pass


class Oct(Shape):
    def area(self):
        return -self.n


class Big(Shape):
    __slots__ = ()


def total(shapes):
    s = 0
    for sh in shapes:
        s += sh.area() + sh.n
    return s


shapes = [cls(i) for i in range(50) for cls in (Shape, Sq, Tri, Hex, Oct)]
print("total", total(shapes))
shapes.append(Big(7))
print("total with slots subclass", total(shapes))
Sq.area = lambda self: 1000
print("total after a class change", total(shapes))
shapes[3].n = 2
print("total after an instance change", total(shapes))


# sites whose object is a global name, checked inline for a class or a
# module first: the name rebound between a class, a module, an instance, a
# class with a metaclass, and the attribute changed under each
import math as G_mod


class GA:
    k = "GA.k"

    def f(a=None):
        return ("GA.f", a)

    @classmethod
    def c(cls):
        return ("GA.c", cls.__name__)


class GMeta(type):
    k = "meta k"


class GB(metaclass=GMeta):
    def f(a=None):
        return ("GB.f", a)

    @classmethod
    def c(cls):
        return ("GB.c", cls.__name__)


class GInst:
    def __init__(self):
        self.k = "instance k"

    def f(self):
        return ("GInst.f", type(self).__name__)

    @classmethod
    def c(cls):
        return ("GInst.c", cls.__name__)


def read_g():
    return G.k


def call_g():
    return G.f()


def call_gc():
    return G.c()


def rounds(label):
    out = None
    for _ in range(30):
        out = (read_g(), call_g(), call_gc())
    print(label, out)


G = GA
rounds("class")
GA.k = "GA.k changed"
GA.f = lambda a=None: ("GA.f changed", a)
rounds("class changed")
G = GB
rounds("metaclass")
G = GInst()
rounds("instance")
G = types_mod = type(G_mod)("fake")
types_mod.k = "module k"
types_mod.f = lambda: ("module f",)
types_mod.c = lambda: ("module c",)
rounds("module")
types_mod.k = "module k changed"
rounds("module changed")
G = GA
rounds("class again")
del GA.k
try:
    read_g()
except AttributeError as e:
    print("AttributeError", e)
G = G_mod
print("math", [G.pi for _ in range(20)][-1], [G.floor(2.5) for _ in range(20)][-1])
