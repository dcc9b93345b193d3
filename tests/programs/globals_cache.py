# Global-name loads remember the dict entry holding the name
# (P2C_LoadGlobalCached): rebinding a global keeps the entry, adding or
# deleting names, shadowing a builtin and patching builtins must not
# return stale values.
import builtins

COUNT = 0


def bump():
    global COUNT
    COUNT += 1
    return len("ab") + COUNT


def run(n):
    t = 0
    for _ in range(n):
        t += bump()
    return t


print(run(1000), COUNT)


def f():
    return missing_name


for attempt in range(3):
    try:
        print(f())
    except NameError as e:
        print("NameError:", e)
    if attempt == 0:
        missing_name = 5
    elif attempt == 1:
        del missing_name


def g():
    return len("abc")


print(g())
len = lambda x: 42
print(g())
del len
print(g())
saved = builtins.len
builtins.len = lambda x: 7
print(g())
builtins.len = saved
print(g())

# a key that is equal but not the same str object
globals()["".join(["dyn", "amic"])] = "first"


def dyn():
    return dynamic


print(dyn(), dyn())
globals()["".join(["dyn", "amic"])] = "second"
print(dyn())

# many new globals: the dict's key table grows and is replaced
for i in range(200):
    globals()["filler%d" % i] = i
print(dyn(), g(), bump())
exec("COUNT = -100", globals())
print(bump())
del globals()["COUNT"]
try:
    bump()
except NameError as e:
    print("NameError:", e)
