# `obj.attr op= <arithmetic>` and `obj.attr = <arithmetic>` write the result
# into the attribute's float in place when only the attribute holds it (the
# fused store, src/cgen/numeric.c).  Every way that could differ from a new
# float stored must still behave as CPython.


class Slots:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def scale(self, k):
        self.x *= k
        self.y = self.y * k + 0.5
        return self


class Values:
    total = 0.0          # a class attribute shadowed by the first store

    def __init__(self, x):
        self.x = x

    def step(self, d):
        self.x /= d
        self.total += d * 2.0
        return self


class Watched(Values):
    def __setattr__(self, name, value):
        print('  setattr', name, value)
        object.__setattr__(self, name, value)


class Prop:
    def __init__(self):
        self._x = 1.5

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        print('  property set', v)
        self._x = v

    def bump(self, d):
        self.x += d * d


def run(obj, d):
    try:
        obj.step(d)
    except Exception as e:
        print('  ', type(e).__name__, e)
    print(' ', type(obj).__name__, obj.x, obj.total, vars(obj) if hasattr(obj, '__dict__') else '')


print('slots')
s = Slots(2.0, 3.0)
for k in (1.5, 2, -0.0, float('inf')):
    s.scale(k)
    print(' ', s.x, s.y)

print('values')
v = Values(10.0)
for d in (2.0, 4, 0.5, 0.0, 3):
    run(v, d)

print('a float another name holds is not written')
shared = 7.5
w = Values(shared)
w.step(2.5)
print(' ', shared, w.x)
alias = w.x
w.step(2.0)
print(' ', alias, w.x)

print('ints and mixed')
m = Values(9)
run(m, 3)
run(m, 1.5)

print('__setattr__ and properties see every store')
run(Watched(6.0), 2.0)
p = Prop()
p.bump(0.5)
p.bump(2)
print(' ', p.x)

print('a __dict__ that outgrew its shared keys')
big = Values(1.0)
for i in range(40):
    setattr(big, 'a%d' % i, i)
run(big, 4.0)

print('the class changed after the caches filled')
Values.__setattr__ = lambda self, n, val: print('  patched', n, val) or object.__setattr__(self, n, val)
run(v, 2.0)
del Values.__setattr__
run(v, 2.0)

print('items')
lst = [1.5, 2.5, 3]
for d in (2.0, 1, 0.0):
    try:
        lst[0] -= d * 2.0
        lst[2] += d / 2
        lst[-1] = lst[1] * d
    except Exception as e:
        print('  ', type(e).__name__, e)
    print(' ', lst)

print('first stores into absent attributes (an __init__)')


class Fresh:
    def __init__(self, a, flip):
        if flip:
            self.x = a * 2.0 + 1.0
        self.y = a * 3.0 - 1.0      # absent: a new float, its order recorded
        if not flip:
            self.x = a * 2.0 + 1.0
        self.n = a * 2 + 1          # an int


class FreshSlots:
    __slots__ = ('x', 'y')

    def __init__(self, a):
        self.y = a * 0.5 + 2.0
        self.x = sin(a)             # a lone math call of an int


from math import sin
for flip in (False, True, False, True):
    f = Fresh(3, flip)
    print(' ', flip, list(vars(f)), vars(f))
for a in (1, 2, 2 ** 60, 1.5):
    try:
        g = FreshSlots(a)
        print(' ', g.x, g.y)
    except Exception as e:
        print('  ', type(e).__name__, e)
try:
    FreshSlots('s')
except TypeError as e:
    print('  TypeError', e)
print('  deleted then stored again')
g = FreshSlots(1)
del g.x
g.__init__(4)
print(' ', g.x, g.y)
h = Fresh(1, False)
del h.y
h.__init__(2, True)
print(' ', list(vars(h)), vars(h))
