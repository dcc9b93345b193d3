# pkgdemo.shapes: uses a relative import of a sibling module.
from . import units


def square_area(side):
    return side * side * units.SCALE
