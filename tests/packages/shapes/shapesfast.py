"""A top-level module compiled on its own ([tool.pyc2c] modules)."""


def squares(xs):
    for x in xs:
        yield x * x


def hypot_sum(xs):
    return sum(squares(xs)) ** 0.5
