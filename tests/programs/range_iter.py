# `for x in range(...)` and comprehensions over range(): when range is the
# builtin and the arguments small exact ints, the loop's iterator is made
# directly; everything else calls range() (or what the name holds) and
# iterates the result, with CPython's errors at their positions.
import builtins
import sys
import traceback


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        print('  __index__', self.v)
        return self.v


class MyInt(int):
    pass


def show(label, *args):
    out = [x for x in range(*args)]
    loop = []
    for x in range(*args):
        loop.append(x)
    print(label, out == loop, out[:6], len(out))


def loops():
    for n in (0, 1, 5, -3):
        print('range(n)', n, [x for x in range(n)])
    for a, b in ((0, 5), (5, 0), (-5, 5), (3, 3), (-2 ** 29, -2 ** 29 + 3)):
        print('range(a, b)', a, b, [x for x in range(a, b)])
    for a, b, c in ((0, 10, 3), (10, 0, -3), (10, 0, 3), (0, 10, -1), (-7, 7, 7),
                    (5, -5, -1), (0, 1, 2 ** 30 - 1), (2 ** 30 - 1, -(2 ** 30 - 1), -(2 ** 30 - 1))):
        r = []
        for x in range(a, b, c):
            r.append(x)
        print('range(a, b, c)', a, b, c, r)
    total = 0
    for i in range(4):
        for j in range(i, 4):
            total += i * j
    print('nested', total)
    big = 0
    for x in range(-(2 ** 30) + 1, 2 ** 30 - 1, 2 ** 28):
        big += x
    print('wide', big)


loops()
show('big ints', 2 ** 40, 2 ** 40 + 3)
show('bigger than a digit', 2 ** 30, 2 ** 30 + 2)
show('bools', True, 3)
show('int subclass', MyInt(2), 5)
show('__index__', Idx(1), Idx(4))
show('three __index__', Idx(9), Idx(0), Idx(-4))

# The iterator itself is visible through a generator's frame: the same
# type, state and pickling data as CPython's.
for args in ((5,), (2, 9), (9, 2, -2), (0, 10, 4), (3, 4)):
    g = (x for x in range(*args))
    next(g, None)
    it = g.gi_frame.f_locals['.0']
    print(args, type(it).__name__, it.__length_hint__(), it.__reduce__()[1:], list(it))


def errors():
    for args in ((1.5,), (0, 5, 0), ('3',), (None, 3), (1, 2, 3.0)):
        try:
            for x in range(*args):
                pass
        except (TypeError, ValueError) as e:
            print(args, type(e).__name__, e)
    try:
        for x in range(0, 5, 0):
            pass
    except ValueError as e:
        print('literal step 0', e)


errors()


# The name rebound: a function, a non-iterable result, a class, deleted.
def fake_range(*args):
    print('  fake_range', args)
    return ['a', 'b']


def use_global():
    return [x for x in range(3)], [x for x in range(1, 3)]


print(use_global())
real_range = builtins.range
range = fake_range
print(use_global())
range = lambda *a: 42
try:
    use_global()
except TypeError as e:
    print('TypeError', e)


def loop_over_global():
    for x in range(
            3):
        print(x)


try:
    loop_over_global()
except TypeError:
    traceback.print_exc()


class R:
    def __init__(self, *a):
        self.a = a

    def __iter__(self):
        return iter(self.a)


range = R
print(use_global())
del range
print(use_global())
builtins.range = fake_range
print(use_global())
del builtins.range
try:
    use_global()
except NameError as e:
    print('NameError', e)
builtins.range = real_range
print(use_global())


def local_shadow(range):
    return [x for x in range(2)]


print(local_shadow(lambda n: ['local'] * n))


def uncaught():
    for x in range(1, 2, 0):
        pass


sys.setrecursionlimit(1000)
uncaught()
