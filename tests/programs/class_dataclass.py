# Class-level annotations (SETUP_ANNOTATIONS in the namespace) and what the
# library builds on them: dataclasses, typing.NamedTuple, TypedDict,
# Protocol, ClassVar; __annotations__ order and mangled names.
import dataclasses
import typing
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    count: typing.ClassVar[int] = 0

    def total(self, n):
        return self.price * n


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


a = Item("apple", 1.5)
b = Item("banana", 0.5, ["yellow"])
print(a, b, a < b, sorted([b, a])[0].name, a.total(4), Item.count)
print([f.name for f in dataclasses.fields(Item)], Item.__annotations__)
p = Point(1)
print(p, p == Point(1, 0), hash(p) == hash(Point(1, 0)), dataclasses.asdict(p))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)


class Employee(typing.NamedTuple):
    name: str
    dept: str = "none"

    def label(self):
        return self.name + "@" + self.dept


e = Employee("eve")
print(e, e.label(), Employee._fields, Employee._field_defaults, e._asdict())


class Movie(typing.TypedDict, total=False):
    title: str
    year: int


print(Movie(title="x"), sorted(Movie.__annotations__), Movie.__total__)


class Closable(typing.Protocol):
    def close(self): ...


class Resource:
    def close(self):
        return "closed"


def shut(x: Closable):
    return x.close()


print(shut(Resource()), typing.get_type_hints(shut)["x"].__name__)


class Annotated:
    __secret: int = 1
    plain: "str"
    value: int = 2
    print(sorted(__annotations__))


print(Annotated.__annotations__, Annotated.value, hasattr(Annotated, "plain"))
