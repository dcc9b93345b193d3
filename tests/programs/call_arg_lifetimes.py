# Arguments of a call are handed to the callee as CPython's value stack
# hands them (3.11's CALL moves a Python function's arguments into its
# frame; other callees borrow them until they return): a temporary whose
# parameter the callee deletes or rebinds dies inside the callee, and
# sys.getrefcount counts what it counts under CPython — for positional,
# keyword, *args and **kwargs parameters, methods, bound method objects,
# constructors, builtins, generators and binding errors (f(*seq) and
# f(**map): call_ex_arg_lifetimes.py).
import sys
import types
import weakref


class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def consume(a):
    print("  consume: refcount", sys.getrefcount(a))
    del a
    print("  consume: after del")


def rebind(a):
    a = None
    print("  rebind: after rebinding")


def keyword_only(*, a):
    print("  keyword_only: refcount", sys.getrefcount(a))
    del a
    print("  keyword_only: after del")


def with_default(a, b=None):
    print("  with_default: refcount", sys.getrefcount(a))
    del a
    print("  with_default: after del")


def star(*args):
    print("  star: refcount", sys.getrefcount(args[0]))
    del args
    print("  star: after del")


def star_star(**kwargs):
    print("  star_star: refcount", sys.getrefcount(kwargs["a"]))
    del kwargs
    print("  star_star: after del")


def two(a, b):
    del b
    print("  two: after del b")
    del a
    print("  two: after del a")


def gen(a):
    print("  gen: refcount", sys.getrefcount(a))
    del a
    yield 1
    print("  gen: resumed")


class M:
    def meth(self, a):
        print("  meth: refcount", sys.getrefcount(a))
        del a
        print("  meth: after del")

    @staticmethod
    def smeth(a):
        print("  smeth: refcount", sys.getrefcount(a))
        del a
        print("  smeth: after del")


class Init:
    def __init__(self, a):
        print("  Init: refcounts", sys.getrefcount(self), sys.getrefcount(a))
        del a
        print("  Init: after del")


class InitKw:
    def __init__(self, a, *, k):
        print("  InitKw: refcounts", sys.getrefcount(self), sys.getrefcount(a),
              sys.getrefcount(k))


class New:
    def __new__(cls, a):
        print("  New.__new__: refcount", sys.getrefcount(a))
        return object.__new__(cls)

    def __init__(self, a):
        print("  New.__init__: refcount", sys.getrefcount(a))


def section(title):
    print(title)


def functions():
    section("positional")
    consume(N("pos"))
    section("rebound parameter")
    rebind(N("rebind"))
    section("keyword")
    keyword_only(a=N("kw"))
    section("default filled")
    with_default(N("default"))
    section("*args parameter")
    star(N("star"))
    section("**kwargs parameter")
    star_star(a=N("starstar"))
    section("two temporaries")
    two(N("a"), N("b"))
    section("nested")
    consume(consume(N("inner")) or N("outer"))
    section("lambda")
    (lambda a: print("  lambda: refcount", sys.getrefcount(a)))(N("lambda"))
    section("callable made by a call")
    (lambda: consume)()(N("made"))
    section("local argument")
    x = N("local")
    consume(x)
    print("  caller: refcount", sys.getrefcount(x))
    del x
    section("generator")
    g = gen(N("gen"))
    print("  made")
    next(g)
    del g


def methods():
    m = M()
    section("method")
    m.meth(N("meth"))
    section("static method")
    M.smeth(N("smeth"))
    section("function through the class")
    M.meth(m, N("unbound"))
    section("bound method object")
    bound = m.meth
    bound(N("bound"))
    section("bound method made by a call")
    getattr(m, "meth")(N("getattr"))
    section("bound method of a bound method")
    inner = types.MethodType(two, N("inner-self"))
    outer = types.MethodType(inner, N("outer-self"))
    del inner
    outer()
    del outer


def constructors():
    section("constructor")
    Init(N("init"))
    section("constructor with a keyword")
    InitKw(N("initkw"), k=N("k"))
    section("constructor with __new__")
    New(N("new"))


def builtins():
    section("builtin")
    x = N("x")
    print("  refcount of a local", sys.getrefcount(x))
    print("  refcount of a temporary", sys.getrefcount(N("tmp")))
    section("builtin with temporaries")
    print(N("p1").name, N("p2").name)
    section("method of a builtin type")
    items = [x]
    print("  refcount in a list", sys.getrefcount(x))
    items.append(N("appended"))
    items.pop()
    section("weakref callback")
    n = N("weak")
    ref = weakref.ref(n, lambda r: print("  weakref callback"))
    consume(n)
    print("  still alive:", ref() is not None)
    del n
    print("  after del")


def binding_errors():
    section("too many arguments")
    try:
        consume(N("x1"), N("x2"))
    except TypeError as e:
        print("  caught", e)
    section("unknown keyword")
    try:
        consume(N("y1"), zz=N("y2"))
    except TypeError as e:
        print("  caught", e)
    section("missing argument")
    try:
        two(N("z1"))
    except TypeError as e:
        print("  caught", e)


functions()
methods()
constructors()
builtins()
binding_errors()
print("done")
