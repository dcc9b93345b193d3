print("init core", __name__, __package__)


def area(w, h):
    return w * h


class Shape:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return "%s from %s" % (self.name, __name__)


def countdown(n):
    while n > 0:
        yield n
        n -= 1
