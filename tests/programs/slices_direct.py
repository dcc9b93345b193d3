# Slices of exact lists and tuples are taken and assigned without a slice
# object when the bounds are None or plain ints; everything else goes
# through one.  Results and errors must be CPython's.
import sys


class Idx:
    def __index__(self):
        print('__index__')
        return 2


class L(list):
    def __getitem__(self, k):
        print('L.__getitem__', k)
        return list.__getitem__(self, k)


data = list(range(10))
tup = tuple(data)
big = 2**70
for a in (None, 0, 3, -3, 12, -12, big, -big, True):
    for b in (None, 0, 5, -1, 20, -20, big):
        for c in (None, 1, 2, -1, -3, big, -big):
            print(a, b, c, data[a:b:c] == list(tup[a:b:c]), data[a:b:c])
print(data[Idx():Idx()], tup[::Idx()], tup[:] is tup, tup[0:10] is tup, tup[1:] is tup)
print(data[:] is data, type(data[:]))
try:
    data[::0]
except ValueError as e:
    print('ValueError', e)
try:
    data['a':]
except TypeError as e:
    print('TypeError', e)
print(L(data)[2:4], 'abcdef'[1:4], 'abcdef'[::-2], b'xyz'[::-1], range(10)[2:8:3])

# assignment
perm = list(range(8))
k = 5
for _ in range(6):
    perm[:k + 1] = perm[k::-1]
    k = perm[0] or 3
print(perm)
x = list(range(6))
x[2:4] = 'ab'
print(x)
x[1:1] = (9, 9, 9)
print(x)
x[-2:] = []
print(x)
x[::2] = [0] * len(x[::2])
print(x)
x[:] = x
print(x)
x[big:] = [7]
print(x)
try:
    x[::2] = [1]
except ValueError as e:
    print('ValueError', e)
try:
    x[1:3] = 5
except TypeError as e:
    print('TypeError', e)
try:
    x[1:2:0] = []
except ValueError as e:
    print('ValueError', e)
t = (1, 2, 3)
try:
    t[0:1] = (5,)
except TypeError as e:
    print('TypeError', e)
y = L([1, 2, 3])
y[0:2] = [7, 8]
print(y, y[2:])


def where():
    return data[1:2:0]


where()

# bounds around 2**60 (read inline below, by PyLong_AsSsize_t above) and
# the ends of a Py_ssize_t, with every sign of step
edge = (2**60 - 1, 2**60, -2**60, -(2**60 - 1), sys.maxsize, -sys.maxsize - 1, 2**62)
for a in edge + (None, 1, -1):
    for b in edge + (None, 4, -4):
        for c in (None, 1, -1, 2**60, -2**60, sys.maxsize, -sys.maxsize):
            try:
                got = data[a:b:c]
            except (ValueError, OverflowError) as e:
                got = type(e).__name__
            print(a, b, c, got, tup[a:b:c] if not isinstance(got, str) else '')
    work = list(range(6))
    work[a:] = ['x']
    print(a, work)
