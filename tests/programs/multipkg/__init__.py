"""Helper package of multifile_big.py (bench/gen_multifile_test.py): two
modules each written as several C files, linked into one extension."""
from . import one, two


def total():
    return one.acc_one + two.acc_two + one.g5 + two.g5
