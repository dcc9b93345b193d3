import json
import math
from importlib import resources

from shapesfast import hypot_sum


class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError(type(self).__name__)

    def perimeter(self):
        raise NotImplementedError(type(self).__name__)

    def __repr__(self):
        fields = ", ".join("%s=%r" % kv for kv in vars(self).items())
        return "%s(%s)" % (type(self).__name__, fields)


class Circle(Shape):
    def __init__(self, r):
        if r < 0:
            raise ValueError("negative radius: %r" % (r,))
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    def diagonal(self):
        return hypot_sum([self.w, self.h])


def catalogue():
    """The shapes of data/catalogue.json (a data directory without
    __init__.py inside the subpackage)."""
    text = resources.files(__name__).joinpath("data", "catalogue.json").read_text()
    return json.loads(text)


def named(name):
    spec = catalogue().get(name)
    if spec is None:
        raise LookupError("no shape named %r" % name)
    kind, *args = spec
    return {"circle": Circle, "rect": Rect}[kind](*args)
