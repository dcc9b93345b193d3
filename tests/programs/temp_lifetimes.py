# Objects die when CPython would free them: the temporaries that lowering
# introduces (unpacking, for-loop items and iterators, multiple targets,
# augmented assignment, from-imports) must not keep them alive.
import weakref


class Bag(list):
    pass


class Thing:
    def __init__(self, name):
        self.name = name

    def __iadd__(self, other):
        return self


def report(label, ref):
    print(label, "alive" if ref() is not None else "freed")


def unpacking():
    a, b = [Thing("a"), Thing("b")]
    ref = weakref.ref(b)
    del b
    report("unpacked b after del", ref)
    first, *rest = (Thing("x"), Thing("y"))
    ref = weakref.ref(first)
    first = None
    report("first after rebinding", ref)


def loops():
    items = [Thing("i0"), Thing("i1")]
    for item in items:
        pass
    ref = weakref.ref(items[-1])
    del item
    items.pop()
    report("last loop item", ref)
    holder = Bag([Thing("it")])
    it_ref = weakref.ref(holder)
    for t in holder:
        break
    del holder, t
    report("list iterated then deleted", it_ref)


def targets():
    x = y = Thing("xy")
    ref = weakref.ref(x)
    del x, y
    report("multiple targets", ref)


def augmented():
    box = Bag([Thing("box")])
    ref = weakref.ref(box)
    box[0] += Thing("more")
    del box
    report("augmented subscript container", ref)


unpacking()
loops()
targets()
augmented()
