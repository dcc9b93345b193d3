# A class attribute whose class is defined in Python can become a
# descriptor later (`Descriptor.__get__ = ...`), or a non-data descriptor
# a data descriptor (`__set__` added): what obj.name means changes while
# the version tag of obj's own type stays.  Every load, method load and
# store below is warmed up first (the attribute caches fill), then must
# see the change as python3 does (test_opcache's
# test_descriptor_added_after_optimization).


def warm(f, *args):
    for _ in range(1100):
        r = f(*args)
    return r


# an instance value shadowing a plain class attribute that becomes a data
# descriptor
class Descriptor:
    pass


class C:
    def __init__(self):
        self.x = 1
    x = Descriptor()


def load_x(o):
    return o.x


def store_x(o, v):
    o.x = v


o = C()
print("load", warm(load_x, o))
warm(store_x, o, 1)
Descriptor.__get__ = lambda self, instance, owner: ("get", type(instance).__name__)
Descriptor.__set__ = lambda self, instance, value: print("set", value)
print("load", load_x(o))
store_x(o, 5)
print("dict", o.__dict__)


# a non-data descriptor (the instance value wins) that gains __set__
class NonData:
    def __get__(self, instance, owner):
        return "nondata get"


class D:
    y = NonData()


d = D()
d.y = "instance"
print("load", warm(lambda o: o.y, d))
NonData.__set__ = lambda self, instance, value: None
print("load", d.y, (lambda o: o.y)(d))


# a plain class attribute read through instances without a dict, through
# the class, and called as a method, that gains __get__
class Plain:
    def __call__(self, *args):
        return ("called", len(args))


class S:
    __slots__ = ()
    attr = Plain()


class K:
    attr = Plain()


def load_attr(o):
    return o.attr


def call_attr(o):
    return o.attr()


s, k = S(), K()
print(warm(load_attr, s) is S.attr, warm(load_attr, S) is S.attr)
print(warm(call_attr, k), warm(call_attr, K))
Plain.__get__ = lambda self, instance, owner: lambda *a: ("bound", instance is not None, len(a))
print(load_attr(s)(), load_attr(S)())
print(call_attr(k), call_attr(K))
