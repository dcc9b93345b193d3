# Unpacking targets: nested tuples and lists, starred targets in every
# position, unpacking in for loops, attribute and subscript targets.

import types

a, b, c = 1, 2, 3
print(a, b, c)
(x, y), [z, w] = (10, 20), "zw"
print(x, y, z, w)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
p, *q = [7]
print(p, q)
ns = types.SimpleNamespace()
lst = [0, 0, 0]
ns.left, lst[1], (ns.right, lst[2]) = "L", "one", ("R", "two")
print(ns.left, ns.right, lst)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
for k, *vals in [(1, 2, 3), (4,)]:
    print(k, vals)
n_pair = (5, 6)
m, n = n_pair
print(m, n, n_pair)


# Items taken before an unpacking comes up short are released at once, the
# last first, as CPython's unpack_iterable releases them.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("released", self.n)


def noisy_items(k):
    for i in range(k):
        yield Noisy(i)


for k in (1, 2, 3):
    try:
        a, b, c, d = noisy_items(k)
    except ValueError as e:
        print("ValueError:", e)
    print("after", k)
