# A __slots__ member descriptor borrowed by another class (`borrowed =
# Class.slot`): it applies only to instances of Class and its subclasses,
# so loads and stores through it on a Sneaky raise TypeError every time.
# The attribute caches must not remember the member's offset for Sneaky
# (3.10 answered Sneaky's __dict__, 3.12 and 3.13 crashed), while a
# subclass that inherits the slot still uses it.


class Class:
    __slots__ = ("slot",)


class Sub(Class):
    pass


class Sneaky:
    borrowed = Class.slot


class SneakyWithSlots:
    __slots__ = ("a", "b")
    borrowed = Class.slot


def load(o):
    return o.borrowed


def load_discarded(o):
    o.borrowed


def store(o, v):
    o.borrowed = v


def load_slot(o):
    return o.slot


def store_slot(o, v):
    o.slot = v


def attempt(what, f, *args):
    try:
        return f(*args)
    except (TypeError, AttributeError) as e:
        return "%s: %s: %s" % (what, type(e).__name__, e)


plain = Sneaky()
with_dict = Sneaky()
with_dict.x = 1
with_dict.__dict__
slotted = SneakyWithSlots()
slotted.a = "A"
slotted.b = "B"
for i in range(3):
    for o in (plain, with_dict, slotted):
        print(i, attempt("load", load, o))
        print(i, attempt("load_discarded", load_discarded, o))
        print(i, attempt("store", store, o, 42))
    print(slotted.a, slotted.b, with_dict.__dict__)

# the member still serves its own class and a subclass
c, s = Class(), Sub()
for i in range(3):
    print(i, attempt("unset", load_slot, c))
    store_slot(c, i)
    store_slot(s, -i)
    print(i, load_slot(c), load_slot(s), Class.slot.__get__(s))
