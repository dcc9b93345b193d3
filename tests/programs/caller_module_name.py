# The module of a compiled caller, as the stdlib asks for it: namedtuple()
# and the functional Enum API name their class's __module__ after the
# caller (3.12+: sys._getframemodulename, which must see compiled frames),
# and pickling needs that name to find the class again.
import collections
import enum
import pickle
import sys

Point = collections.namedtuple("Point", "x y")
Color = enum.Enum("Color", "RED GREEN")
print(Point.__module__ == __name__, Color.__module__ == __name__)
print(pickle.loads(pickle.dumps(Point(1, 2))), pickle.loads(pickle.dumps(Color.GREEN)))


def caller_module(depth):
    get = getattr(sys, "_getframemodulename", None)
    if get is None:   # before 3.12
        return sys._getframe(depth + 1).f_globals["__name__"] == __name__
    return get(depth + 1) == __name__


def via_lambda():
    return (lambda: caller_module(1))()


print(caller_module(0), via_lambda())
print(getattr(sys, "_getframemodulename", lambda depth=0: None)(depth=10 ** 6))
