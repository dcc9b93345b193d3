# A compiled function's __code__ (its stub code object) run by the
# interpreter runs the compiled body: exec with closure= and other globals,
# types.FunctionType(stub, g), a stub given to a plain function, a
# generator's stub, an exception raised inside (its traceback).
# skip-on-python: 3.10 3.10's stubs still raise AssertionError (its frames have no incomplete state to run the body from), and exec() has no closure= there
import sys
import traceback
import types

G = "module G"


def outer():
    x = 5

    def f(a, b=2, /, c=3, *args, k=4, **kw):
        return (a, b, c, args, k, sorted(kw.items()), x, G, len("abc"))
    return f


def three_freevars():
    a = b = c = None

    def three():
        print("three sees", a, b, c, G)
        return (a, b, c, G)
    return three


def gen(n):
    for i in range(n):
        yield i * 10
    return "done"


def cells_inside(n):
    acc = []

    def add(v):
        acc.append(v)
    for i in range(n):
        add(i + G2)
    return acc


def boom(d, key):
    value = d[key]
    return value


def where():
    return sys._getframe(1).f_code.co_name, sys._getframe().f_back.f_code.co_name


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, "raised", type(e).__name__, e)


def main():
    f = outer()
    g = {"G": "other G", "__builtins__": __builtins__}
    h = types.FunctionType(f.__code__, g, "h", (10, 20), f.__closure__)
    h.__kwdefaults__ = {"k": 7}
    show("FunctionType", lambda: h(1))
    show("FunctionType all kinds", lambda: h(1, 2, 3, 4, 5, k=6, z=7, a=8))
    show("FunctionType bad call", lambda: h())
    ns = {"G": "exec G"}
    cells = tuple(types.CellType(v) for v in ("A", "B", "C"))
    show("exec closure", lambda: exec(three_freevars().__code__, ns, closure=cells))
    show("three via FunctionType",
         lambda: types.FunctionType(three_freevars().__code__, ns, None, None, cells)())
    src = "def make():\n    x = 0\n    def plain(a, b=20, *args, k=40, **kw):\n        return x\n    return plain\n"
    space = {"G": "interpreted G"}
    exec(compile(src, "<interpreted>", "exec"), space)
    p = space["make"]()
    show("plain before", lambda: p(1))
    p.__code__ = f.__code__
    p.__defaults__ = (2, 3)
    show("plain given stub", lambda: p(1, k=2))
    gg = types.FunctionType(gen.__code__, g)
    it = gg(3)
    print("generator", type(it).__name__, it.__name__, it.__qualname__)
    print("generator values", list(it))
    show("cells inside", lambda: types.FunctionType(cells_inside.__code__, {"G2": 100})(3))
    show("frames", lambda: types.FunctionType(where.__code__, globals())())
    b = types.FunctionType(boom.__code__, {})
    try:
        b({}, "missing")
    except KeyError:
        traceback.print_exc(file=sys.stdout)
    show("exec without globals it needs", lambda: exec(outer().__code__, {}))
    show("negating None", lambda: -None)
    import operator
    show("operator.neg(None)", lambda: operator.neg(None))
    print("None has __neg__:", hasattr(None, "__neg__"))


main()
