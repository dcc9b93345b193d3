# sys.settrace line events of decorated defs and classes (--debuggable):
# 3.11 runs a decorated def on several lines — each decorator's expression
# on its line, MAKE_FUNCTION on the def line, the decorator calls back on
# their lines bottom up, the store on the def line — so the trace module
# counts each of those lines twice (test_trace's
# test_traced_decorated_function).
# pyc2c-options: --debuggable
import sys
import trace

FIRST = sys._getframe().f_lineno   # lines are printed relative to this one


def decorated():
    def decorator1(f):
        return f

    def decorator_fabric():
        def decorator2(f):
            return f
        return decorator2

    @decorator1
    @decorator_fabric()
    def func():
        pass
    func()

    @decorator1
    class C:
        x = 1

    @decorator1
    @decorator_fabric()
    def with_default(a=len("default")):
        return a
    return C, with_default()


class Methods:
    @staticmethod
    def s():
        return 1

    @property
    def p(self):
        return 2


def events(func):
    log = []

    def hook(frame, event, arg):
        if event == "line" and frame.f_code.co_filename == __file__:
            log.append((frame.f_code.co_name, frame.f_lineno - FIRST))
        return hook

    sys.settrace(hook)
    try:
        func()
    finally:
        sys.settrace(None)
    return log


print(events(decorated))
print(events(lambda: Methods().p + Methods.s()))

tracer = trace.Trace(count=1, trace=0, countfuncs=0, countcallers=0)
tracer.runfunc(decorated)
counts = tracer.results().counts
print(sorted((line - FIRST, n) for (name, line), n in counts.items()
             if name == __file__))


def failing(f):
    raise ValueError("decorator failed")


try:
    @failing
    def never():
        pass
except ValueError as e:
    import traceback
    traceback.print_exc()
