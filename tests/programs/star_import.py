# from m import *: the names of __all__ (a package's submodules imported on the
# way), else the public names of the module's __dict__, bound as globals;
# CPython's errors, and the names bound before an error stay bound.
import builtins
import sys
import types

unlisted = "mine"
from stardemo import *
print(VERSION, _listed, colors.__name__, unlisted)

from stardemo.colors import *
print(RED, GREEN, mix(RED, GREEN))
print("_secret" in globals(), "_colors__dunder" in globals(), "__dunder" in globals())


def lookup():
    return RED


print(lookup())
RED = "changed"
print(lookup())
from stardemo.colors import *   # rebinds RED: a cached global lookup sees it
print(lookup())


def fake(name, **attrs):
    m = types.ModuleType(name)
    for k, v in attrs.items():
        setattr(m, k, v)
    sys.modules[name] = m
    return m


fake("tuple_all", __all__=("x", "y"), x=1, y=2, z=3)
from tuple_all import *
print(x, y, "z" in globals())

fake("empty_all", __all__=[], a=1)
from empty_all import *
print("a" in globals())

fake("bad_item", __all__=["ok1", 5, "ok2"], ok1="first", ok2="second")
try:
    from bad_item import *
except TypeError as e:
    print("TypeError:", e)
print(ok1, "ok2" in globals())

m = fake("bad_key", public=1)
vars(m)[7] = "seven"
try:
    from bad_key import *
except TypeError as e:
    print("TypeError:", e)
print(public)

m = fake("bad_name", __all__=[b"x"])
m.__name__ = 42
try:
    from bad_name import *
except TypeError as e:
    print("TypeError:", e)

fake("missing", __all__=["there", "nothere"], there=1)
try:
    from missing import *
except AttributeError as e:
    print("AttributeError:", e)
print(there)

sys.modules["nodict"] = 42
try:
    from nodict import *
except ImportError as e:
    print("ImportError:", e)


class Seq:
    """__all__ is read by index until IndexError."""

    def __getitem__(self, i):
        if i < 3:
            return "s%d" % i
        raise IndexError(i)


class BadSeq:
    def __getitem__(self, i):
        raise KeyError(i)


fake("seqall", __all__=Seq(), s0=0, s1=1, s2=2)
from seqall import *
print(s0, s1, s2)

fake("badseq", __all__=BadSeq())
try:
    from badseq import *
except KeyError as e:
    print("KeyError:", e)

fake("notseq", __all__=5)
try:
    from notseq import *
except TypeError as e:
    print("TypeError:", e)


class Obj:
    __all__ = ["attr"]
    attr = "from an object"


sys.modules["objmod"] = Obj()
from objmod import *
print(attr)
del Obj.__all__
try:
    from objmod import *   # no __all__: its __dict__, an empty instance dict
except Exception as e:
    print("unexpected", e)
print(attr)


class S(str):
    pass


fake("strsub", __all__=[S("sub")], sub="a str subclass name")
from strsub import *
print(sub)

m = fake("emptyname")
vars(m)[""] = "the empty name is public"
from emptyname import *
print(globals()[""])

m = fake("lazy", __all__=["computed"])
m.__getattr__ = lambda name: "lazy " + name   # PEP 562
from lazy import *
print(computed)

real_import = builtins.__import__


def spy(name, globals=None, locals=None, fromlist=(), level=0):
    if name == "tuple_all":
        print("__import__", name, fromlist, level, locals is globals)
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = spy
from tuple_all import *
builtins.__import__ = real_import
print(sorted(k for k in globals() if k in ("x", "y", "z")))
