"""A package not named in [tool.pyc2c]: shipped as source."""

from shapesplain import double


def quadruple(x):
    return double(double(x))
