# The traceback a bare `raise` and a `with` statement's exit re-raise with:
# 3.10 restores the one the exception had when caught, 3.11 on use the
# exception's __traceback__ as it is now.  Compared with the same interpreter.
import traceback
from contextlib import contextmanager


@contextmanager
def cm():
    yield


def through_with():
    try:
        with cm():
            1 / 0
    except ZeroDivisionError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]


print(through_with())


def cleared_then_raised():
    try:
        try:
            {}['k']
        except KeyError as e:
            e.__traceback__ = None
            raise
    except KeyError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]


print(cleared_then_raised())


def helper():
    raise ValueError('v')


def replaced_then_raised():
    try:
        try:
            helper()
        except ValueError as e:
            try:
                raise TypeError
            except TypeError as t:
                e.__traceback__ = t.__traceback__
            raise
    except ValueError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]


print(replaced_then_raised())


def nested_handlers():
    try:
        try:
            helper()
        except ValueError:
            try:
                raise KeyError('inner')
            except KeyError:
                pass
            raise
    except ValueError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]


print(nested_handlers())
with cm():
    helper()
