# relpkg.sub.deep: relative imports of every level and form, at module level,
# in functions and in a class body; the two errors of relative imports.
from . import sibling
from .sibling import TAG
from .. import helpers
from ..helpers import *
from ..sub.sibling import compute as comp
import relpkg.sub.sibling as absolute

print("relpkg.sub.deep:", where(globals()))
print(sibling.__name__, TAG, greet("deep"), comp(2), absolute is sibling)
print("_private" in globals(), sorted(n for n in globals() if not n.startswith("__")))


def lazy():
    from .sibling import compute
    from .. import helpers as h
    return compute(3), h.__name__


class Holder:
    from . import sibling as sib
    from ..helpers import greet


print(lazy(), Holder.sib.TAG, Holder.greet("class"))


def missing():
    try:
        from . import no_such_module
    except ImportError as e:
        print(type(e).__name__, e.name, str(e).split(" (")[0])


def too_far():
    from ... import anything
    return anything


def beyond():
    try:
        too_far()
    except ImportError as e:
        print(type(e).__name__, e)


def with_package(value):
    """Relative imports resolve against the module's __package__, then
    __spec__.parent when it is None, as importlib's resolve_name does."""
    global __package__
    saved = __package__
    __package__ = value
    try:
        from . import sibling as s
        print("__package__ =", repr(value), "->", s.__name__)
    except (ImportError, TypeError) as e:
        print("__package__ =", repr(value), "->", type(e).__name__, e)
    finally:
        __package__ = saved


missing()
beyond()
with_package(None)
with_package("relpkg")
with_package(42)
