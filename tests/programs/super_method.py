# super().name(...) in methods: the fast way (no super object) where the
# builtin super and an ordinary method are found, the generic way for
# everything else, with CPython's errors and tracebacks.
import sys


class Base:
    def __init__(self, tag):
        self.tag = tag

    def f(self, x, *rest, k=0):
        return ("Base.f", self.tag, x, rest, k)

    def g(self):
        return "Base.g"

    @classmethod
    def make(cls, tag):
        return ("Base.make", cls.__name__, tag)

    @staticmethod
    def stat(a):
        return ("Base.stat", a)

    @property
    def prop(self):
        return "Base.prop of " + self.tag

    limit = 10

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.tag)


class Left(Base):
    def f(self, x, *rest, k=0):
        return ("Left", super().f(x + 1, *rest, k=k + 1))


class Right(Base):
    def f(self, x, *rest, k=0):
        return ("Right", super().f(x * 2, *rest, k=k))


class Diamond(Left, Right):
    def __init__(self, tag):
        super().__init__(tag.upper())

    def f(self, x, *rest, k=0):
        return ("Diamond", super().f(x, *rest, k=k))

    def g(self):
        # self captured by an inner function: its slot holds a cell
        def inner():
            return self.tag
        return ("Diamond.g", super().g(), inner())

    @classmethod
    def make(cls, tag):
        return ("Diamond.make", super().make(tag))

    def stat(self, a):
        return ("Diamond.stat", super().stat(a))

    def props(self):
        return super().prop, super().limit, super().__class__, super().__repr__()

    def missing(self):
        return super().nope(1)

    def deleted(self):
        del self
        return super().g()

    def rebound(self):
        self = 42
        return super().g()

    def nested(self):
        def helper():
            return super().g()
        return helper()

    def gen(self):
        for i in range(2):
            yield super().f(i)

    def __repr__(self):
        return "D:" + super().__repr__()


d = Diamond("dia")
print(d, d.f(3), d.f(1, 2, 3, k=5))
print(d.g(), Diamond.make("m"), d.make("n"), d.stat(7))
print(d.props())
print(list(d.gen()))
for name in ("missing", "deleted", "rebound", "nested"):
    try:
        getattr(d, name)()
    except Exception as e:
        print(name, type(e).__name__, e)

# a program that rebinds super: the generic way calls it
real_super = super


def super():
    print("my super called")
    return real_super(Diamond, d)


class Other(Base):
    def g(self):
        return ("Other.g", super().g())


print(Other("o").g())
del super


# a method changing on the class between calls: no stale answer
class Parent:
    def m(self):
        return "Parent.m v1"


class Child(Parent):
    def m(self):
        return "Child+" + super().m()


c = Child()
print(c.m())
Parent.m = lambda self: "Parent.m v2"
print(c.m())
del Parent.m
try:
    c.m()
except AttributeError as e:
    print("AttributeError", e)


# builtins found through super: object.__init__, dict methods
class MyDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)

    def get(self, key, default=None):
        return ("got", super().get(key, default))


md = MyDict()
md["a"] = 21
print(md, md.get("a"), md.get("zz", 0))


# a profiler sees the call of super as CPython's does
events = []


def prof(frame, event, arg):
    if event in ("c_call", "call"):
        events.append((event, getattr(arg, "__name__", frame.f_code.co_name)))


sys.setprofile(prof)
c.m = None
del c.m
Parent.m = lambda self: "v3"
c.m()
sys.setprofile(None)
print(events)


# uncaught: the traceback points at the super() attribute
class Last(Base):
    def run(self):
        return super().absent()


Last("x").run()
