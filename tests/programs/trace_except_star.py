# sys.settrace line events (--debuggable) of try/except*: the handler's
# entry, the name cleanups, the collection of what the clauses raised and
# the re-raise have no line in 3.11 (UNSET_LOC), each clause's match is at
# its `except*` line, and when everything was handled and the function's
# implicit return follows, that return gets the last `except*` line.
# The cases follow CPython's test_sys_settrace.
# pyc2c-options: --debuggable
# skip-on-python: 3.10 no except* before 3.11
# skip-on-python: 3.12 its lineless instructions give f_lineno None and other lines (not matched yet)
# skip-on-python: 3.13 its lineless instructions give f_lineno None and other lines (not matched yet)
import sys


def star_caught():
    try:
        raise ExceptionGroup("eg", [ValueError(2), TypeError(3)])
    except* ValueError:
        4
    except* TypeError as e:
        6
    else:
        8


def star_not_caught():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(2), TypeError(3)])
        except* ValueError as e:
            5
        else:
            7
    except* TypeError:
        9


def star_no_exception():
    try:
        2
    except* Exception as e:
        4
    else:
        6
    finally:
        8


def star_nested():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            try:
                raise TypeError(6)
            except* TypeError as e:
                8
            9
    except* Exception:
        11
    12


def star_raise_in_clauses():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* TypeError:
            raise
        except* ValueError:
            raise KeyError(7)
    except* Exception:
        9


def trace(frame, event, arg):
    code = frame.f_code
    if code.co_filename == __file__ and code.co_name != 'trace':
        print('  ', code.co_name, event, frame.f_lineno - code.co_firstlineno)
    return trace


def run(f, *args):
    print(f.__name__, *args)
    sys.settrace(trace)
    try:
        f(*args)
    except BaseException as e:
        sys.settrace(None)
        print('  raised', type(e).__name__)
    sys.settrace(None)


run(star_caught)
run(star_not_caught)
run(star_no_exception)
run(star_nested)
run(star_raise_in_clauses)
