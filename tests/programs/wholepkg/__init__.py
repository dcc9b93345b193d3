"""Helper package of package_whole.py, compiled whole into one extension
(`pyc2c --module wholepkg/`) in that test's module run."""
print("init wholepkg", __name__, __package__)
from . import core
from .core import Shape

VERSION = (1, 2)


def lazy():
    from . import late
    return late.LATE
