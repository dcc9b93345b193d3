# ExceptionGroup.split/subgroup take a compiled function as predicate, as they
# take a function under CPython; interpreted code calling that predicate
# while split runs calls the compiled code; errors from it propagate.
import traceback

eg = ExceptionGroup("g", [ValueError(1), TypeError(2),
                          ExceptionGroup("h", [ValueError(3), KeyError(4)])])

match, rest = eg.split(lambda e: isinstance(e, ValueError))
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(repr(eg.subgroup(lambda e: False)))
print(eg.split(ValueError)[0] is not None, eg.subgroup((KeyError, TypeError)))


def is_value_error(e):
    return isinstance(e, ValueError)


print(repr(eg.split(is_value_error)))

# Interpreted code (exec) that calls the predicate while split runs, often
# enough for the interpreter to specialize its call.
ns = {}
exec("def check(f, e):\n"
     "    return f(e, True)\n", ns)
check = ns["check"]


def pred(e, inner=False):
    if inner:
        return isinstance(e, KeyError)
    return check(pred, e)


for i in range(50):
    got = eg.subgroup(pred)
print(repr(got))
print(type(pred).__name__, check(pred, KeyError()))


def failing(e):
    if isinstance(e, TypeError):
        raise RuntimeError("predicate failed on %r" % e)
    return False


try:
    eg.split(failing)
except RuntimeError:
    traceback.print_exc()


class MyGroup(ExceptionGroup):
    def split(self, condition):
        print("MyGroup.split")
        return super().split(condition)


print(repr(MyGroup("m", [ValueError(5), OSError(6)]).split(is_value_error)))
try:
    eg.split(42)
except TypeError as e:
    print("TypeError:", e)
