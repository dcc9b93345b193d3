# sys.settrace line events (--debuggable) of what CPython compiles with a
# line but no code, or with code but no line: constant expression
# statements (a NOP at their line: an event, and a finally ending with one
# re-raises there), a named handler's `e = None; del e` cleanup, and a
# with's exit when the body raised (CPython re-raises from where it caught,
# giving no second event of the `with` line).  except*: trace_except_star.py.
# The cases follow CPython's test_sys_settrace.
# pyc2c-options: --debuggable
import sys


def constants():
    try:
        2
    except Exception:
        4
    else:
        6
        if False:
            8
        else:
            10
        if constants.__name__ == 'Fred':
            12
    finally:
        14


def constants_in_else_raising():
    try:
        try:
            3
        except:
            5
        else:
            7
            raise Exception
        finally:
            10
    except:
        12
    finally:
        14


def return_through_finally():
    try:
        return 2
    finally:
        4


def lambda_line():
    1
    lambda x: 2
    3


def named_handler_reraises():
    try:
        try:
            raise Exception
        except Exception as e:
            raise
            x = "Something"
            y = "Something"
    except Exception:
        pass


def named_handler_returns(flag):
    try:
        raise KeyError(flag)
    except KeyError as e:
        if flag:
            return 1
        y = 2
        if not flag:
            z = 3
        else:
            z = 4
    return 0


class NullCtx:
    def __enter__(self):
        return self

    def __exit__(self, *excinfo):
        pass


def with_raising():
    try:
        with NullCtx():
            1/0
    except ZeroDivisionError:
        pass


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


run(constants)
run(constants_in_else_raising)
run(return_through_finally)
run(lambda_line)
run(named_handler_reraises)
run(named_handler_returns, 0)
run(named_handler_returns, 1)
run(with_raising)
