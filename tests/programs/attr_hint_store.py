# Stores into instances whose attributes live in a real __dict__ (a
# class whose instances outgrew their shared keys, vars() asked for, a
# __dict__ assigned): the store sites' hint caches must see every change
# of the class, of the dict and of the object, as STORE_ATTR_WITH_HINT does.
import gc
import sys
import weakref


class Wide:
    """More attributes than the shared keys hold: instances get dicts."""
    def __init__(self, n):
        for i in range(n):
            setattr(self, 'a%d' % i, i)
        self.x = 0
        self.y = 0


def bump(o, times):
    for i in range(times):
        o.x = o.x + 1
        o.y = i
    return o.x, o.y


w = Wide(40)
print(bump(w, 100), w.__dict__ is vars(w), len(vars(w)))

# vars() first: a dict made from the instance's values (a split table)
class Small:
    def __init__(self):
        self.x = 1
        self.y = 2

s = Small()
d = vars(s)
print(bump(s, 50), d['x'], d['y'], list(d))

# a deleted attribute: the store adds it again, after the others
def set_x(o, v):
    o.x = v

set_x(s, 7)
del s.x
set_x(s, 8)
print(s.x, list(vars(s)))

# a __dict__ assigned from a module: the module's attribute caches must
# see the stores (its dict's version changes with each)
import types
m = types.ModuleType('m')
m.x = 'module x'
m.y = 'module y'


class Holder:
    pass


def read_module(mod):
    return mod.x, mod.y


h = Holder()
h.__dict__ = m.__dict__
for i in range(5):
    h.x = i
    h.y = -i
    print(read_module(m), end=' ')
print()

# the old value's __del__ runs after the store is complete
class Noisy:
    def __init__(self, name, owner):
        self.name = name
        self.owner = owner

    def __del__(self):
        print('del', self.name, 'sees', self.owner.x.name)


def replace(o, k):
    for i in range(k):
        o.x = Noisy('n%d' % i, o)

replace(w, 4)
w.x = types.SimpleNamespace(name='plain')

# the class changes under the store site: a property, then __setattr__
def store_many(o):
    for i in range(3):
        o.y = i

store_many(w)
Wide.y = property(lambda self: 'prop', lambda self, v: print('setter', v))
store_many(w)
print(w.y)
del Wide.y
store_many(w)
print(w.y)
Wide.__setattr__ = lambda self, k, v: print('setattr', k, v)
store_many(w)
del Wide.__setattr__
store_many(w)
print(w.y)

# a dict of untracked values becomes tracked when it holds a cycle
class Cyc:
    pass

def make_cycle():
    c = Cyc()
    for i in range(40):
        setattr(c, 'k%d' % i, i)
    c.z = 1
    for i in range(3):
        c.z = i
    c.z = c          # a cycle through the __dict__
    return weakref.ref(c)

r = make_cycle()
gc.collect()
print('collected', r() is None)

# the same site sees instances of two classes (two ways), a slot and a hint
class Slotted:
    __slots__ = ('x', 'y')

objs = [Wide(35), Slotted(), Small(), Wide(33)]
for o in objs:
    o.x = 0
for k in range(20):
    for o in objs:
        o.x = o.x + k
print([o.x for o in objs])
print(sys.getrefcount(objs[0].x) > 0)
