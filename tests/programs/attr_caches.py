# Attribute sites whose cached answer must be dropped when the object, its
# class or a module changes (pyc2c/attrs.h): every loop runs each site many
# times, so the cache is filled first, then the change makes it miss.
import math
import sys
import types


class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def read_x(o):
    return o.x


def read_kind(o):
    return o.kind


def call_norm(o):
    return o.norm()


def set_x(o, v):
    o.x = v


ps = [P(i, i + 1) for i in range(50)]
print(sum(read_x(p) for p in ps), sum(call_norm(p) for p in ps))
print({read_kind(p) for p in ps})

# an instance attribute shadows the class attribute and the method
ps[3].kind = "special"
ps[4].norm = lambda: -1
print([read_kind(p) for p in ps[:6]], [call_norm(p) for p in ps[:6]])

# the class changes: new class attribute value, a method replaced
P.kind = "moved"
print(read_kind(ps[0]), read_kind(ps[3]))
P.norm = lambda self: 42
print(call_norm(ps[0]), call_norm(ps[4]))


# a data descriptor added to the class wins over the instance value
class Loud:
    def __get__(self, obj, cls):
        return "descriptor"

    def __set__(self, obj, value):
        print("set through descriptor", value)


for _ in range(40):
    read_x(ps[1])
P.x = Loud()
print(read_x(ps[1]))
set_x(ps[1], 7)
del P.x
print(read_x(ps[1]))

# __getattr__ / __getattribute__ added later
P.__getattr__ = lambda self, name: "fallback " + name
print(read_kind(ps[5]), getattr(ps[5], "nope"))
del ps[5].x
print(read_x(ps[5]))
del P.__getattr__
try:
    read_x(ps[5])
except AttributeError as e:
    print("AttributeError:", e)

# the instance dict materialized, then changed through it
for _ in range(40):
    set_x(ps[6], 1)
d = ps[6].__dict__
d["x"] = "via dict"
print(read_x(ps[6]))
set_x(ps[6], "stored")
print(d["x"], read_x(ps[6]), list(vars(ps[6])))

# attribute order stays CPython's after cached first stores
q = P(1, 2)
q.z = 3
set_x(q, 5)
print(list(vars(q)), vars(q))


# __class__ reassigned
class Q:
    kind = "q"

    def __init__(self):
        self.x = "qx"

    def norm(self):
        return "q norm"


r = P(0, 0)
r.__class__ = Q
print(read_x(r), read_kind(r), call_norm(r))


# __slots__
class S:
    __slots__ = ("x", "y")
    kind = "slotted"

    def __init__(self):
        self.x = 1

    def norm(self):
        return "s norm"


s = S()
for i in range(40):
    set_x(s, i)
print(read_x(s), read_kind(s), call_norm(s))
del s.x
try:
    read_x(s)
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)


# a polymorphic site
objs = [ps[0], r, s, types.SimpleNamespace(x="ns"), Q()]
s.x = "sx"
for _ in range(3):
    print([read_x(o) for o in objs])


# properties and read-only attributes
class Prop:
    @property
    def x(self):
        return "prop"


print(read_x(Prop()))
try:
    set_x(Prop(), 1)
except AttributeError as e:
    print("AttributeError:", e)


# modules: globals cached, then rebound, deleted, module __getattr__
def sqrt2():
    return math.sqrt(2.0)


def mod_attr(m):
    return m.value


for _ in range(40):
    sqrt2()
old = math.sqrt
math.sqrt = lambda v: "patched"
print(sqrt2())
math.sqrt = old
print(sqrt2())
m = types.ModuleType("m")
m.value = 1
print(mod_attr(m))
m.value = 2
print(mod_attr(m))
del m.value
m.__getattr__ = lambda name: "module getattr " + name
print(mod_attr(m))
print(mod_attr(sys.modules[__name__]) if hasattr(sys.modules[__name__], "value") else "no value")


# attributes of classes
class Base:
    limit = 10

    def helper(x):
        return x * 2


def class_limit(c):
    return c.limit


def class_helper(c):
    return c.helper(21)


class Derived(Base):
    pass


for _ in range(40):
    class_limit(Derived), class_helper(Derived)
Base.limit = 11
print(class_limit(Derived), class_helper(Derived))
Derived.limit = 12
Derived.helper = staticmethod(lambda x: x + 1)
print(class_limit(Derived), class_helper(Derived), class_limit(Base))


class Meta(type):
    @property
    def limit(cls):
        return "meta property"


class WithMeta(metaclass=Meta):
    limit = "class value"


print(class_limit(WithMeta))

# builtin methods without an instance dict
def append_to(lst, v):
    lst.append(v)


lst = []
for i in range(40):
    append_to(lst, i)


class MyList(list):
    def append(self, v):
        super().append(("mine", v))


ml = MyList()
append_to(ml, 1)
print(len(lst), ml)
try:
    read_x(None)
except AttributeError as e:
    print("AttributeError:", e)


# a base-class method sees its subclasses' instances (one way each), and
# stores through several ways; then one subclass changes
class Task:
    def __init__(self, n):
        self.n = n
        self.done = False

    def step(self):
        self.n = self.n - 1
        self.done = self.n <= 0
        return self.tag()


class A(Task):
    def tag(self):
        return "a"


class B(Task):
    def tag(self):
        return "b"


class C(Task):
    __slots__ = ()

    def tag(self):
        return "c"


class D(Task):
    def tag(self):
        return "d"


class E(Task):
    def tag(self):
        return "e"


tasks = [cls(3) for cls in (A, B, C, D, E)] * 3
for round_ in range(4):
    print("".join(t.step() for t in tasks), [t.n for t in tasks[:5]], tasks[0].done)
    if round_ == 1:
        B.tag = lambda self: "B"
        C.n = property(lambda self: 100, lambda self, v: None)


# Instances whose attributes live in a real __dict__ (CLASS_DICT and
# METHOD_DICT entries): exceptions, subclasses of C types made by the C
# type's own tp_new, objects whose __dict__ was asked for.  The cached
# answer must give way whenever the instance's dict gets the name.
import random


class Failure(Exception):
    kind = "failure"

    def describe(self):
        return "%s:%s" % (self.kind, self.args[0])


class Rng(random.Random):
    label = "rng"

    def roll(self):
        return self.randrange(6)


class Plain:
    level = 1

    def who(self):
        return "plain"


def use_dict_instances(objs, rounds):
    out = []
    for i in range(rounds):
        for o in objs:
            if isinstance(o, Failure):
                out.append((o.describe(), o.kind))
            elif isinstance(o, Rng):
                out.append((o.roll(), o.label))
            else:
                out.append((o.who(), o.level))
    return out


errs = [Failure(i) for i in range(3)]
rngs = [Rng(7), Rng(8)]
plains = [Plain() for _ in range(3)]
for p in plains:
    p.__dict__              # gives up the inline values for a dict
objs = errs + rngs + plains
print(use_dict_instances(objs, 2))
# shadow the class attribute and the method in one instance's dict
errs[1].describe = lambda: "shadowed"
errs[2].kind = "own"
rngs[0].roll = lambda: -1
plains[0].who = lambda: "own who"
plains[1].level = 99
print(use_dict_instances(objs, 2))
# and remove the shadows again
del errs[1].describe, errs[2].kind, rngs[0].roll, plains[0].who, plains[1].level
print(use_dict_instances(objs, 2))
# a key that is not a str in the dict (the guard then cannot answer)
plains[2].__dict__[12345] = "int key"
print(use_dict_instances(plains, 2))
# the class changes under the cache
Plain.who = lambda self: "patched"
Failure.kind = "changed"
print(use_dict_instances(objs, 1))
# a method that raises through a cached load
Rng.roll = lambda self: 1 // 0
try:
    use_dict_instances(rngs, 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
