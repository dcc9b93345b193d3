# Assigning __code__: the function then runs what the code object names
# (another compiled function's, or real bytecode), with its own globals,
# defaults and closure; a closure size mismatch is CPython's ValueError.
def one():
    return 1

def three():
    return 3

one.__code__ = three.__code__
print(one(), one.__name__, one.__code__.co_name)

namespace = {}
exec(compile("def plain(x):\n    return ('plain', x)\n", "<src>", "exec"), namespace)
one.__code__ = namespace["plain"].__code__
print(one(5))

def make(v):
    def get():
        return v
    return get

def make2(w):
    def get():
        return w * 2
    return get

a, b = make(10), make2(20)
a.__code__ = b.__code__
print(a(), b())
three.__code__ = a.__code__
