# __init_subclass__ (an implicit classmethod) with class keywords, a
# registry, __class_getitem__ (implicit classmethod), __new__ (implicit
# staticmethod), and the order of evaluation of a class statement.

registry = []


class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        print("init_subclass", cls.__name__, name, kw)
        registry.append(name or cls.__name__)

    def __class_getitem__(cls, item):
        return cls.__name__ + "[" + repr(item) + "]"


class Alpha(Plugin, name="alpha"):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, name="gamma", extra=1):
    pass


print(registry, Plugin[int], Gamma["x"])
print(type(Plugin.__dict__["__init_subclass__"]).__name__,
      type(Plugin.__dict__["__class_getitem__"]).__name__)


class Singleton:
    instance = None

    def __new__(cls, *args):
        print("new", cls.__name__, args)
        if cls.instance is None:
            cls.instance = object.__new__(cls)
        return cls.instance

    def __init__(self, value):
        self.value = value


s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.value, type(Singleton.__dict__["__new__"]).__name__)
print(Singleton.__new__(Singleton) is s1, s1.__new__(Singleton) is s1)


class Vec(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    def __add__(self, other):
        return Vec(self[0] + other[0], self[1] + other[1])


print(Vec(1, 2) + Vec(3, 4), type(Vec(0, 0)).__name__)


def trace(label, value):
    print("eval", label)
    return value


class deco:
    """A decorator factory without closures: an instance is the decorator."""

    def __init__(self, label):
        print("deco expr", label)
        self.label = label

    def __call__(self, cls):
        print("apply", self.label, cls.__name__)
        cls.tags = cls.tags + (self.label,) if hasattr(cls, "tags") else (self.label,)
        return cls


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("meta new", name, kw)
        return type.__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        type.__init__(cls, name, bases, ns)


@deco("outer")
@deco("inner")
class Ordered(trace("base", object), metaclass=trace("meta", Meta), k=trace("kw", 1)):
    print("body")


print(Ordered.tags, type(Ordered).__name__)
