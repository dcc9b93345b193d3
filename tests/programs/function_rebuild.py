# A function rebuilt from a compiled function's __code__ with type(f)(...)
# runs the compiled body with the globals, name, defaults and closure given.
import builtins


def size(s):
    return len(s) + OFFSET


OFFSET = 100
ns = {"OFFSET": 1}
rebuilt = type(size)(size.__code__, ns)
print(rebuilt("abc"), rebuilt.__globals__ is ns, rebuilt.__builtins__ is builtins.__dict__)
named = type(size)(size.__code__, ns, "renamed", (("x",),))
print(named.__name__, named(), named.__defaults__)
try:
    type(size)(size.__code__, {})("abc")
except NameError as e:
    print("NameError:", e)


def outer(v):
    def inner():
        return v
    return inner


inner = outer(5)
cell_type = type(inner.__closure__[0])
clone = type(inner)(inner.__code__, globals(), None, None, (cell_type(7),))
print(clone())
try:
    type(inner)(inner.__code__, globals())
except TypeError as e:
    print("TypeError:", e)


def counter(n):
    yield from range(n)


regen = type(counter)(counter.__code__, {"range": lambda n: [n] * 2})
print(list(regen(3)), list(counter(3)))
