# len() and isinstance() called inline when the callee is, at run time,
# the builtin (include/pyc2c/builtin_calls.def); anything else bound to
# those names is called as it is.  Results, errors, tracebacks and profile
# events must be CPython's.
import builtins
import sys
import traceback


class L:
    def __len__(self):
        return 3


class BadLen:
    def __len__(self):
        return -1


print(len([1, 2]), len("abc"), len(L()), len({1: 2}), len(range(10)), len(b"xy"))
print(isinstance(1, int), isinstance(True, int), isinstance("a", (int, str)),
      isinstance(None, type(None)), isinstance(1, int | str))
for bad in (lambda: len(5), lambda: len(BadLen()), lambda: len(2**100 * [0] if False else None)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def f():
    return len(None)


try:
    f()
except TypeError:
    traceback.print_exc(file=sys.stdout)


class M(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", inst)
        return inst == 1


class A(metaclass=M):
    pass


print(isinstance(1, A), isinstance(2, A), isinstance(A(), A))


def g():
    return isinstance(1, 5)


try:
    g()
except TypeError:
    traceback.print_exc(file=sys.stdout)

# other things called len / isinstance
len = lambda x: "module len"  # noqa: E731
print(len([]))
del len
print(len([]))


class Scope:
    len = staticmethod(lambda x: "class len")
    print(len([1]))
    isinstance = print
    isinstance("class isinstance", 2)


builtins.len, real_len = (lambda x: "patched"), builtins.len
print(len([1, 2, 3]))
builtins.len = real_len
print(len([1, 2, 3]))


def local_len(len):
    return len([1])


print(local_len(lambda x: "param"))

# a profile hook sees the builtins called
events = []
sys.setprofile(lambda frame, event, arg: events.append((event, getattr(arg, "__name__", None))))
len([1])
isinstance(1, int)
sys.setprofile(None)
print(events)
