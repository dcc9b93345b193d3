# CHECK_EXC_MATCH: non-exception classes in except clauses are a TypeError.
def bad_class():
    try:
        raise ValueError("v")
    except (ValueError, 3):
        print("unreachable")


def bad_single():
    try:
        raise ValueError("v")
    except "not a class":
        print("unreachable")


def nothing_raised():
    try:
        pass
    except 42:
        pass
    return "fine: the type is never looked at"


print(nothing_raised())
try:
    bad_single()
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
bad_class()
