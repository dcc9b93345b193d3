# PEP 695 annotation scopes inside class bodies (3.12): generic methods,
# aliases and nested generic classes read the class's names first
# (__classdict__: LOAD_FROM_DICT_OR_GLOBALS / LOAD_FROM_DICT_OR_DEREF),
# then the globals / the enclosing function's cells; a name missing
# everywhere is a NameError raised in the lazy scope's frame.
# skip-on-python: 3.10 type parameters are 3.12 syntax
# skip-on-python: 3.11 type parameters are 3.12 syntax
import traceback

T = "global T"
Alias = "global Alias"


class K:
    int = str                  # shadows the builtin for annotation scopes
    Alias = bytes

    def m[T: int](self, x: T, y: Alias) -> list[T]:
        return x, y

    type A[U] = dict[int, U]
    type B = Missing

    class Inner[V: Alias]:
        pass

    def plain(self, z: int) -> Alias:   # not an annotation scope: globals
        return z


print(K.m.__type_params__[0].__bound__, K.m.__annotations__)
print(K.A.__value__, K.A.__module__, K.Inner.__type_params__[0].__bound__)
print(K.plain.__annotations__, K().m(1, 2))
print(sorted(k for k in K.__dict__ if not k.startswith("__")))
try:
    K.B.__value__
except NameError:
    traceback.print_exc()


# names of an enclosing function: the class's own binding wins, else the cell
def f():
    local = "outer local"
    other = "outer other"

    class C:
        local = "class local"

        def g[X: local](self): pass
        def h[Y: (local, other)](self): pass
        type Both = (local, other)

    return C


C = f()
print(C.g.__type_params__[0].__bound__, C.h.__type_params__[0].__constraints__,
      C.Both.__value__)


# a class namespace changed after the def: the lazy bound sees the change
class Late:
    Target = int

    def m[T: Target](self): pass

    Target = float


print(Late.m.__type_params__[0].__bound__)


# a type parameter captured by the method body is a cell of the hidden
# scope; its loads there still look at the class namespace first
class Cell:
    T = "class T"

    def m[T](self) -> T:
        return T


print(Cell.m.__annotations__, Cell().m())


# a custom namespace (__prepare__) is asked, with its misses
class Ns(dict):
    def __getitem__(self, key):
        print("namespace lookup", key)
        return super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Ns()


class P(metaclass=Meta):
    Known = complex

    def m[T: (Known, len)](self): pass


print(P.m.__type_params__[0].__constraints__)


# a mapping namespace that is not a dict is asked through __getitem__
from collections.abc import MutableMapping


class Mapping(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, key):
        print("mapping lookup", key)
        return self.d[key]

    def __setitem__(self, key, value):
        self.d[key] = value

    def __delitem__(self, key):
        del self.d[key]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


class MapMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Mapping()

    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))


class Q(metaclass=MapMeta):
    Known = complex

    def m[T: (Known, len)](self): pass


print(Q.m.__type_params__[0].__constraints__)
