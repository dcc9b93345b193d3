# try/except* at module level (the name is a global, deleted after), with
# return through finally, inside with, and the TypeError of a bad clause type.
# skip-on-python: 3.10 except* is 3.11 syntax (3.10 has no exception groups)
import sys
try:
    raise ExceptionGroup("m", [ValueError(1)])
except* ValueError as e:
    print("module level", e.exceptions, "e" in globals())
print("after", "e" in globals())

def ret():
    try:
        return "from body"
    except* ValueError:
        pass
    finally:
        print("finally")
print(ret())

def in_with():
    import contextlib
    with contextlib.suppress(KeyError):
        try:
            raise ExceptionGroup("w", [ValueError(1), KeyError(2)])
        except* ValueError:
            print("value handled inside with")
    print("KeyError group not suppressed?")
try:
    in_with()
except ExceptionGroup as g:
    print("escaped", g.exceptions)

def f():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* (ValueError,
             ExceptionGroup):
        pass
f()
