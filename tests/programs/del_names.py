# del of names (global and local), subscripts, slices and attributes; a
# deleted global read afterwards raises NameError, uncaught.

import types

a = 1
b = [1, 2, 3, 4]
c = {"x": 1, "y": 2}
ns = types.SimpleNamespace(p=1, q=2)
del b[0], c["x"], ns.p
print(b, c, vars(ns))


def local_del():
    v = "temporary"
    print(v)
    del v
    v = "rebound"
    return v


print(local_del())
del a
print("a deleted", "a" in globals())
print(a)
