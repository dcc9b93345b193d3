print("init leaf", __name__, __package__)
from ..core import countdown


def leaf_fn():
    return "leaf(%s)" % ",".join(str(i) for i in countdown(3))


def fail(x):
    return helper(x) + 1


def helper(x):
    return {"a": 1}[x]
