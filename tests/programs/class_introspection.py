# Introspection of compiled classes: pickle and copy by qualified name,
# inspect (signature, members, frames), the body's frame and
# f_locals, __dict__ order, and dir().
import copy
import inspect
import pickle
import sys


class Point:
    """A point."""

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def where(self):
        frame = sys._getframe()
        return frame.f_code.co_name, frame.f_code.co_qualname, frame.f_back.f_code.co_name

    body_frame = sys._getframe()
    body_name = body_frame.f_code.co_name
    body_locals_is_namespace = sorted(body_frame.f_locals) == sorted(locals())
    del body_frame


class Outer:
    class Inner:
        pass


p = Point(1, [2])
print(pickle.loads(pickle.dumps(p)) == p, copy.deepcopy(p) == p, copy.copy(p).y is p.y)
print(type(pickle.loads(pickle.dumps(Outer.Inner()))).__qualname__)
print(inspect.signature(Point), inspect.getdoc(Point))
print([n for n, _ in inspect.getmembers(Point, inspect.isfunction)])
print(p.where(), Point.body_name, Point.body_locals_is_namespace)
print(list(Point.__dict__)[:5], [n for n in dir(p) if not n.startswith("__")])
print(inspect.isclass(Point), inspect.getmodule(Point).__name__ == __name__)
