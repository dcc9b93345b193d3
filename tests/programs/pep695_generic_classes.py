# PEP 695 generic classes (3.12): the hidden scope of the parameters, the
# implicit Generic[...] base after the written ones, __type_params__ in the
# namespace, keywords and metaclasses, decorators, super() and __class__,
# subscription, bounds seen from the class, nesting, and errors raised
# while the class is built (traceback through the hidden scope).
# skip-on-python: 3.10 type parameters are 3.12 syntax
# skip-on-python: 3.11 type parameters are 3.12 syntax
import traceback
from typing import Generic

order = []


def deco(cls):
    order.append("decorate " + cls.__name__)
    return cls


def base_of(b):
    order.append("base " + b.__name__)
    return b


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        order.append("meta %s %s %s" % (name, [b.__name__ for b in bases], sorted(kw)))
        return super().__new__(mcls, name, bases, ns)


class Base:
    def __init_subclass__(cls, **kw):
        order.append("init_subclass %s %s" % (cls.__name__, kw))
        super().__init_subclass__()


@deco
class Box[T: (int, str), *Ts, **P](base_of(Base), metaclass=Meta, flag=True):
    item: T

    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def me(self):
        return __class__, super().__repr__()[:5]


print(order)
print(Box.__bases__, Box.__orig_bases__, Box.__type_params__, Box.__parameters__)
print(Box.__dict__["__type_params__"] is Box.__type_params__, Box.__qualname__)
print(Box.__annotations__, Box.get.__annotations__, Box.__init__.__qualname__)
print(Box(3).get(), Box(3).me()[0] is Box, Box(3).me()[1])
T, Ts, P = Box.__type_params__
print(T.__constraints__, Ts, P, type(T).__name__)
print(Box[int, str, [bytes]], Box[int, str, [bytes]].__args__)


class Plain[T]:
    pass


print(Plain.__bases__, Plain.__mro__, Plain[int], Plain.__orig_bases__)


class Sub[U](Plain[U]):
    pass


print(Sub.__orig_bases__, Sub.__mro__, Sub.__type_params__)


def factory(tag):
    class Local[K: Later]:
        def tagged(self):
            return tag, K
    return Local


class Later:
    pass


Local = factory("t")
K, = Local.__type_params__
print(Local.__qualname__, Local().tagged() == ("t", K), K.__bound__ is Later)

try:
    class Twice[T](Generic[T]):
        pass
except TypeError:
    traceback.print_exc()

try:
    class BadBase[T](Missing):
        pass
except NameError:
    traceback.print_exc()
