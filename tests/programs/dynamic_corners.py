# The dynamic corners: locals(), vars(), dir(), globals(), exec/eval/compile
# from compiled code, __import__, __builtins__, __name__.
import sys

G = "global value"


def show_locals(a, b=2, *args, **kw):
    c = a + b
    loc = locals()
    print(sorted(loc), loc["c"], sorted(vars()), sorted(dir()))
    return loc


print(show_locals(1, 5, 7, k=1)["args"])


def closure_locals():
    x = 1
    def inner():
        y = x + 1
        return sorted(locals().items())
    return inner(), sorted(k for k in locals())


print(closure_locals())


def use_eval(n):
    m = n * 2
    print(eval("n + m"), eval("G"), eval("len('abc')"))
    print(eval("n", {"n": "explicit"}), eval("q", {}, {"q": "mapping"}))
    exec("z = n + 100")
    print("z" in locals(), locals().get("z"))
    ns = {}
    exec("def f(v):\n    return v * 3\nr = f(n)", globals(), ns)
    print(ns["r"], ns["f"].__globals__ is globals())
    code = compile("n * 10", "<expr>", "eval")
    print(eval(code), eval(code, {"n": 9}))
    exec("global G2\nG2 = 'set by exec'")
    print(G2)


use_eval(4)


class Namespace:
    x = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
    exec("y = x + 1")
    print(y)
    z = eval("x + y")


print(Namespace.z, sorted(vars(Namespace).keys() & {"x", "y", "z"}))
print(__name__, type(__builtins__).__name__, globals()["G"], "show_locals" in dir())
mod = __import__("os.path", fromlist=["join"])
print(mod.__name__, __import__("collections").OrderedDict.__name__)
print(sys._getframe().f_code.co_name, sys._getframe(0).f_globals is globals())


def frame_locals():
    a = 1
    f = sys._getframe()
    a = 2
    return f.f_locals["a"]


print(frame_locals())


def caller_locals():
    secret = 42
    return peek()


def peek():
    return sys._getframe(1).f_locals["secret"]


print(caller_locals())
if __name__ == "__main__":
    print("main block")
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
