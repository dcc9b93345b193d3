# with: __enter__/__exit__ protocol, `as` targets of any kind, several items.
import sys


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val,
              tb is not None, sys.exception() is val if val else sys.exception())
        return self.suppress


with CM("a") as v:
    print("body", v)

with CM("b"), CM("c") as w:
    print("two items", w)

d = {}
with CM("d") as d["key"]:
    pass
print(d)

with CM("ef") as (p, q):
    print(p, q)


class Box:
    pass


box = Box()
with CM("g") as box.attr:
    pass
print(box.attr)

with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppression", sys.exception())

try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

try:
    with CM("outer", True), CM("inner"):
        raise IndexError("inner does not suppress, outer does")
except IndexError:
    print("never")
print("done")
