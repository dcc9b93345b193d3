# Raising while handling chains __context__; both tracebacks are printed.
def handler_fails():
    try:
        {}["key"]
    except KeyError:
        1 / 0


def check():
    try:
        handler_fails()
    except ZeroDivisionError as e:
        print(type(e.__context__).__name__, e.__suppress_context__, e.__cause__)


check()


def finally_fails():
    try:
        raise ValueError("first")
    finally:
        int("second")


finally_fails()
