# The errors of the class statement itself, with CPython's messages: bad
# bases and keywords, __prepare__ and __mro_entries__ results, metaclass
# conflicts, NameError in a body, a replaced or missing __build_class__.
import builtins


def report(label, exc):
    print(label, type(exc).__name__, exc)


try:
    class A(*5):
        pass
except TypeError as e:
    report("star", e)

try:
    class B(**5):
        pass
except TypeError as e:
    report("starstar", e)

try:
    class C(metaclass=type, **{"metaclass": type}):
        pass
except TypeError as e:
    report("duplicate", e)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


try:
    class D(metaclass=BadPrepare):
        pass
except TypeError as e:
    report("prepare", e)


def not_a_class_prepare(name, bases, ns):
    return name


not_a_class_prepare.__prepare__ = lambda name, bases: [1]
try:
    class E(metaclass=not_a_class_prepare):
        pass
except TypeError as e:
    report("prepare2", e)


class Entries:
    def __init__(self, result):
        self.result = result

    def __mro_entries__(self, bases):
        return self.result


class F(Entries((int,)), object):
    pass


print(F.__bases__, F.__orig_bases__[1], len(F.__orig_bases__))
try:
    class G(Entries([int])):
        pass
except TypeError as e:
    report("mro_entries", e)

try:
    class H(int, str):
        pass
except TypeError as e:
    report("layout", e)

try:
    class I:
        x = missing_name
except NameError as e:
    report("body", e)

try:
    class J(1):
        pass
except TypeError as e:
    report("base", e)

original = builtins.__build_class__


def my_build_class(func, name, *bases, **kw):
    print("custom __build_class__", name, bases, kw)
    return name.upper()


builtins.__build_class__ = my_build_class


class K(int, flag=1):
    pass


print(K)
del builtins.__build_class__
try:
    class L:
        pass
except NameError as e:
    report("missing", e)
builtins.__build_class__ = original


class M:
    pass


print(M.__name__)
