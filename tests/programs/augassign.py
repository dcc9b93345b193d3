# Augmented assignment: every in-place operator, on names, attributes and
# subscripts, with the target's parts evaluated exactly once; in-place
# mutation of lists versus rebinding of tuples.

import types

log = []


def idx(i):
    log.append("idx %d" % i)
    return i


def obj(o):
    log.append("obj")
    return o


x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
x <<= 2
x >>= 1
x &= 0xFF
x |= 0x100
x ^= 0x11
print("x", x)
f = 7.0
f /= 2
print("f", f)
data = [1, 2, 3]
obj(data)[idx(1)] += 100
print(data, log)
ns = types.SimpleNamespace(count=0, items=[])
obj(ns).count += 1
ns.items += ["a"]
print(ns.count, ns.items, log)
alias = data
data += [4]
print(alias is data, alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = "ab"
s *= 3
d = {"k": [1]}
d["k"] *= 2
d[idx(9)] = 0
d[idx(9)] -= 1
print(s, d, log)
