# TypeVar, ParamSpec, TypeVarTuple and TypeAliasType made by calling them
# name their caller's module as __module__ (pickle finds them by it).
# 3.12 and 3.13 ask the calling frame's function for its module, and
# accept only an exact function there: a compiled caller must answer too.
# Before 3.12 typing reads the caller's globals; TypeAliasType is 3.12's.
import pickle
import typing

T = typing.TypeVar("T")
P = typing.ParamSpec("P")
print(T.__module__ == __name__, P.__module__ == __name__)
print(pickle.loads(pickle.dumps(T)) is T, pickle.loads(pickle.dumps(P)) is P)
if hasattr(typing, "TypeVarTuple"):
    Ts = typing.TypeVarTuple("Ts")
    print(Ts.__module__ == __name__)
else:
    print(True)


def make_in_function():
    made = [typing.TypeVar("U", bound=int), typing.ParamSpec("PU")]
    if hasattr(typing, "TypeVarTuple"):
        made.append(typing.TypeVarTuple("TsU"))
    if hasattr(typing, "TypeAliasType"):
        made.append(typing.TypeAliasType("AU", int))
    return made


made = make_in_function()
U = made[0]
print(U.__module__ == __name__, U.__bound__)
print([m.__module__ == __name__ for m in made[1:]][:1])
print(all(m.__module__ == __name__ for m in made))

if hasattr(typing, "TypeAliasType"):
    Alias = typing.TypeAliasType("Alias", list[int])
    print(Alias.__module__ == __name__, Alias.__value__)
    print(pickle.loads(pickle.dumps(Alias)) is Alias)
else:
    print(True, list[int])
    print(True)


# a function whose __module__ was reassigned (functools.wraps does it):
# CPython names the function's module, not its globals'
def elsewhere():
    return typing.TypeVar("V")


elsewhere.__module__ = "somewhere.else"
V = elsewhere()
print(V.__module__ if hasattr(typing, "TypeAliasType") else "somewhere.else")

# errors are the constructor's own
try:
    typing.TypeVar("W", int)
except TypeError as e:
    print("TypeError:", e)
