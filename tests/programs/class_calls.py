# Class instantiation through a call site's cache (P2C_CallCached): every
# way type_call can differ from "object.__new__ then __init__(self, ...)"
# must still behave as CPython.
import abc
import dataclasses


class P:
    def __init__(self, x, y=2, *rest, k=0, **kw):
        self.x, self.y, self.rest, self.k, self.kw = x, y, rest, k, kw

    def __repr__(self):
        return "P(%r, %r, %r, %r, %r)" % (self.x, self.y, self.rest, self.k, self.kw)


def make(cls, *a, **kw):
    return cls(*a, **kw)


def make1(v):
    return P(v)


def make_kw(v):
    return P(v, 3, 4, 5, k=6, z=7)


for i in range(5):
    print(make1(i), make_kw(i))

try:
    P()
except TypeError as e:
    print("TypeError:", e)


class Child(P):
    pass


class Grand(Child):
    def __init__(self, x):
        super().__init__(x * 10)


def build(cls, v):
    return cls(v)


for cls in (P, Child, Grand, P, Grand):
    print(type(build(cls, 1)).__name__, build(cls, 1).x)

# __init__ replaced, removed, returning a value
P.__init__ = lambda self, x: setattr(self, "x", -x)
print(make1(5).x)
P.__init__ = lambda self, x: 42
try:
    make1(5)
except TypeError as e:
    print("TypeError:", e)
del P.__init__
try:
    make1(5)
except TypeError as e:
    print("TypeError:", e)


# __new__, metaclass __call__, abstract classes
class WithNew:
    def __new__(cls, v):
        print("  __new__", v)
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


class Meta(type):
    def __call__(cls, *a):
        print("  Meta.__call__", a)
        return super().__call__(*a)


class Metered(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Abstract(abc.ABC):
    def __init__(self, v):
        self.v = v

    @abc.abstractmethod
    def m(self):
        pass


for cls in (WithNew, Metered, Abstract, WithNew):
    try:
        print(type(build(cls, 3)).__name__)
    except TypeError as e:
        print("TypeError:", e)


# exceptions raised inside __init__ keep their traceback
class Fails:
    def __init__(self, v):
        self.v = 1 / v


def fails(v):
    return Fails(v)


for v in (1, 0):
    try:
        print(fails(v).v)
    except ZeroDivisionError:
        import traceback
        traceback.print_exc()


# exceptions, builtins and dataclasses are classes too
@dataclasses.dataclass
class D:
    a: int
    b: str = "b"


print(build(D, 1), build(ValueError, "msg").args, build(int, "12"), build(list, "ab"))


class Slots:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


print(build(Slots, 9).v)


class NotFunctionInit:
    __init__ = staticmethod(lambda *a: None)


print(type(build(NotFunctionInit, 1)).__name__ if False else "skip")
try:
    build(NotFunctionInit, 1)
    print("no error")
except TypeError as e:
    print("TypeError:", e)
