# Global-name loads remember what they found (P2C_LoadGlobalCached); every
# change to the module's globals or to builtins must be seen at once.
import builtins

counter = 0


def read():
    return counter, len("abc")


def bump():
    global counter
    counter += 1


print(read())
bump()
print(read())
original_len = builtins.len


def fake_len(s):
    return -1


def module_len(s):
    return "module len"


builtins.len = fake_len
print(read())
len = module_len
print(read())
del len
print(read())
builtins.len = original_len
print(read())
try_names = globals()
try_names["counter"] = "replaced"
print(read())

items = []
for i in range(5):
    items.append(i * i)
    items.extend([i])
print(items, items.count(0), "-".join(["a", "b"]), "x".upper())


def area(self):
    return self.size * self.size


def area2():
    return "instance attribute, not a method"


class_like = type("Box", (), {"size": 3, "area": area})
b = class_like()
b.size = 4
b.area2 = area2
print(b.area(), b.area2(), "{}-{}".format(1, 2), "a,b".split(sep=","))
d = {}
print(d.setdefault("k", []).append(1), d)
print(counter.missing())
