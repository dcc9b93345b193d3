# Metaclasses: __prepare__ with a custom namespace (a dict subclass and a
# non-dict mapping), __new__/__init__/__call__, keywords, metaclass
# calculation from the bases, the namespace's order.


class OrderedNS(dict):
    def __init__(self, log):
        dict.__init__(self)
        self.log = log

    def __setitem__(self, key, value):
        self.log.append(key)
        dict.__setitem__(self, key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", mcs.__name__, name, bases, kw)
        return OrderedNS([])

    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, ns.log, kw)
        cls = type.__new__(mcs, name, bases, dict(ns))
        cls.order = ns.log
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        type.__init__(cls, name, bases, ns)

    def __call__(cls, *args):
        print("call", cls.__name__, args)
        return type.__call__(cls, *args)


class Base(metaclass=Meta, flavor="x"):
    """doc"""
    a = 1

    def method(self):
        return "m"

    b = 2


print(Base.order, type(Base).__name__, Base.__doc__)


class Child(Base, flavor="y"):
    c = 3


print(type(Child).__name__, Child.order, Child().method())


class Recorder:
    """A mapping that is not a dict: LOAD_NAME / STORE_NAME go through
    __getitem__ / __setitem__ (and KeyError falls back to globals)."""

    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        print("get", key)
        return self.data[key]

    def __setitem__(self, key, value):
        print("set", key)
        self.data[key] = value

    def __delitem__(self, key):
        print("del", key)
        del self.data[key]

    def keys(self):
        return self.data.keys()


def rec_prepare(name, bases):
    return Recorder()


def make(name, bases, ns):
    print("make", name, bases, sorted(ns.data))
    return ns.data


class FakeMeta:
    __prepare__ = staticmethod(rec_prepare)

    def __call__(self, name, bases, ns):
        return make(name, bases, ns)


outer = "global value"


class Weird(metaclass=FakeMeta()):
    x = 10
    y = x + 1
    z = outer
    del x
    w = len("abc")


print(Weird)


def meta_function(name, bases, ns, **kw):
    print("meta_function", name, bases, sorted(ns), kw)
    return 42


class NotAClass(int, metaclass=meta_function, k=1):
    pass


print(NotAClass)


class M1(type):
    pass


class M2(M1):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


class AB(A, B):
    pass


print(type(AB).__name__)


class Conflict1(type):
    pass


class X(metaclass=Conflict1):
    pass


class Y(X, B):
    pass
