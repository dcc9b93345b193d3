# Class attributes a program keeps storing into (counters on the class):
# each store changes the class's version tag, so the attribute caches
# remember the class's own dict entry instead (runtime/attrs.c, TYPE_OWN).
# The answers must stay type_getattro's as the value changes type, becomes
# a descriptor, moves to a base, is deleted, or is shadowed by a subclass.


class Counter:
    count = 0
    total = 0.0


class Sub(Counter):
    pass


class Meta(type):
    def __getattribute__(cls, name):
        if name == "count":
            return "meta says hi"
        return super().__getattribute__(name)


class Odd(metaclass=Meta):
    count = 5


def bump(cls, n):
    for i in range(n):
        cls.count += 1
        cls.total += 0.5
    return cls.count, cls.total


print(bump(Counter, 100))
print(Sub.count, Sub.total)          # inherited, not Sub's own
print(bump(Sub, 3))                  # Sub now has its own
print(Counter.count, Sub.count)
print(bump(Counter, 2))

Counter.count = "text"
print(Counter.count)
Counter.count = staticmethod(len)
print(Counter.count("abc"))
Counter.count = classmethod(lambda cls: cls.__name__)
print(Counter.count(), Sub.count)
Counter.count = property(lambda self: 42)
print(type(Counter.count).__name__)
Counter.count = 0

for i in range(40):                  # the class dict grows and is rebuilt
    setattr(Counter, "extra%d" % i, i)
print(bump(Counter, 5))
del Counter.count
try:
    print(Counter.count)
except AttributeError as e:
    print("AttributeError", e)
print(Sub.count)
del Sub.count
try:
    Sub.count += 1
except AttributeError as e:
    print("AttributeError", e)

try:
    Odd.count += 1
except TypeError as e:
    print("TypeError", e)
print(Odd.count)


def loads(cls):
    out = []
    for i in range(6):
        out.append(cls.count)
        if i == 2:
            cls.count = None
        if i == 4:
            del cls.count
    return out


class Base:
    count = "base"


class Child(Base):
    count = 1


print(loads(Child))
print(Base.count)
