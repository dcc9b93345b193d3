# Library machinery on compiled classes: enum (a __prepare__ namespace),
# abc (abstract methods), typing.Generic (__mro_entries__, __orig_bases__),
# typing.NamedTuple (a metaclass with __mro_entries__), collections bases.
import abc
import enum
import typing
from collections import namedtuple, OrderedDict


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()

    def describe(self):
        return self.name.lower() + "=" + str(self.value)

    @classmethod
    def parse(cls, text):
        return cls[text.upper()]


print(list(Color), Color.RED, repr(Color.GREEN), Color(3), Color.parse("blue"))
print(Color.RED.describe(), Color.RED is Color["RED"], len(Color), Color.__qualname__)


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass

    def describe(self):
        return type(self).__name__ + " of area " + str(self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


print(Square(3).describe(), sorted(Shape.__abstractmethods__), isinstance(Square(1), Shape))

T = typing.TypeVar("T")


class Box(typing.Generic[T]):
    def __init__(self, item):
        self.item = item

    def get(self):
        return self.item


print(Box.__orig_bases__, Box.__bases__, Box[int], Box(5).get(), Box.__parameters__)


class Pair(namedtuple("PairBase", "left right")):
    def total(self):
        return self.left + self.right


p = Pair(2, 3)
print(p, p.total(), p._replace(left=10), Pair.__mro__[1].__name__)


class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        OrderedDict.__setitem__(self, key, value)
        self.move_to_end(key)


d = LastUpdated()
d["a"] = 1
d["b"] = 2
d["a"] = 3
print(list(d.items()))


class Mixin:
    def hello(self):
        return "hello from " + type(self).__name__


class Both(Mixin, dict):
    pass


print(Both(x=1).hello(), Both(x=1), Both.__mro__)
Shape()
