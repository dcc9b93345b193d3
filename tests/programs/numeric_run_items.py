# Runs of fused assignments that also store into list items (nbody's
# `v1[0] -= dx * b2m`; src/cgen/numeric.c, "runs of assignments"): every
# value computed from leaves read first, then the variables and the items
# written.  Whatever could tell that apart from statement-by-statement
# execution must behave as CPython: two names for one list, an item read
# after another statement stored it, shared floats, items that are not
# numbers, lists that are not lists.


def pair_step(p1, p2, dt):
    ([x1, y1], v1, m1) = p1
    ([x2, y2], v2, m2) = p2
    dx = x1 - x2
    dy = y1 - y2
    mag = dt * ((dx * dx + dy * dy) ** -1.5)
    b1m = m1 * mag
    b2m = m2 * mag
    v1[0] -= dx * b2m
    v1[1] -= dy * b2m
    v2[0] += dx * b1m
    v2[1] += dy * b1m
    return dx, dy, mag


def body(x, y, vx, vy, m):
    return ([x, y], [vx, vy], m)


a = body(1.0, 2.0, 0.5, -0.5, 3.0)
b = body(-1.0, 0.5, 0.25, 1.5, 2.0)
print('distinct', pair_step(a, b, 0.01), a[1], b[1])

# the same velocity list on both sides: the second pair of stores reads
# what the first wrote
v = [0.5, -0.5]
c = ([1.0, 2.0], v, 3.0)
d = ([-1.0, 0.5], v, 2.0)
print('one list', pair_step(c, d, 0.01), v)

# the same body twice: dx == 0, ** raises, the generic code's traceback
try:
    pair_step(a, a, 0.01)
except ZeroDivisionError as e:
    print('same body', type(e).__name__, e)


def advance(bodies, dt):
    for (r, [vx, vy], m) in bodies:
        r[0] += dt * vx
        r[1] = r[1] + dt * vy
        r[-1] *= 1.0


bodies = [([1.0, 2.0], [0.5, 0.25], 1.0), ([3, 4], [1, 2], 1.0)]
advance(bodies, 0.5)
print('advance', bodies)
advance(bodies, 2)
print('advance ints', bodies)


# a float another name holds is not written in place
def shared(xs, k):
    xs[0] += k * 2.0
    xs[1] -= k
    y = xs[0] * k
    return y


held = 1.5
xs = [held, 2.5]
print('shared', shared(xs, 0.5), xs, held)


# an item read after a statement stored it, through the same name: the
# run stops there
def reread(xs, k):
    xs[0] += k
    t = xs[0] * 2.0
    xs[-1] -= t
    return t


ys = [1.0, 2.0, 3.0]
print('reread', reread(ys, 0.5), ys)
one = [1.0]
print('reread one item', reread(one, 0.5), one)


# items that are not numbers, containers that are not lists, indexes out
# of range: the generic code and its errors
def store3(xs, k):
    xs[0] += k * 2.0
    xs[1] += k * 3.0
    xs[2] -= k


class Loud(list):
    def __setitem__(self, i, value):
        print('  setitem', i, value)
        super().__setitem__(i, value)


for arg in ([1.0, 2.0, 3.0], [1, 2, 3], [True, 2.0, 3], [2 ** 62, 1, 1],
            ['a', 1.0, 2.0], [1.0, 'b', 2.0], (1.0, 2.0, 3.0), [1.0, 2.0],
            Loud([1.0, 2.0, 3.0]), None):
    try:
        store3(arg, 1.5)
        print('store3', arg)
    except Exception as e:
        print('store3', type(e).__name__, e, arg)
big = [2 ** 62, 2 ** 62, 2 ** 62]
store3(big, 2 ** 61)
print('store3 ints', big)


# a list name rebound after its store ends the run there
def rebind(xs, k):
    xs[0] += k * 2.0
    d = k * 3.0
    xs = [d, d]
    xs[1] += d * k
    return xs


print('rebind', rebind([1.0, 2.0], 0.5))


# nbody's shape with every kind of leaf: locals, items, an attribute
class Sys:
    def __init__(self):
        self.dt = 0.01


def energy_step(pairs, s):
    e = 0.0
    for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        mag = s.dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
        b1m = m1 * mag
        b2m = m2 * mag
        v1[0] -= dx * b2m
        v1[1] -= dy * b2m
        v1[2] -= dz * b2m
        v2[0] += dx * b1m
        v2[1] += dy * b1m
        v2[2] += dz * b1m
        e += mag
    return e


bs = [([float(i), i * 0.5, -i * 0.25], [0.0, 0.1 * i, 0.2], 1.0 + i) for i in range(4)]
ps = [(bs[i], bs[j]) for i in range(4) for j in range(i + 1, 4)]
print('energy', energy_step(ps, Sys()))
print('after', [b[1] for b in bs])
