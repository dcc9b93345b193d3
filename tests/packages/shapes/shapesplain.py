"""A top-level module not named in [tool.pyc2c]: shipped as source."""


def double(x):
    return 2 * x
