# A frame before its first operation: a traceback at lasti 0 (GH-93249) and
# an unstarted generator thrown into report the def line as CPython does.
import sys, types, traceback
def f():
    return sys._getframe()
frame = f()
tb = types.TracebackType(None, frame, 0, f.__code__.co_firstlineno)
exc = KeyboardInterrupt()
exc.__traceback__ = tb
print("".join(traceback.format_exception(exc)))
print(list(f.__code__.co_positions())[0])
def g(a,
      b):
    yield a
gen = g(1, 2)
print(gen.gi_frame.f_lineno)
try:
    gen.throw(ValueError)
except ValueError:
    traceback.print_exc(file=sys.stdout)
