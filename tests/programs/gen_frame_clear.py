# frame.clear() on a compiled generator's frame closes it as CPython does:
# finally blocks run, a running frame refuses, other frames clear as usual.
import sys
def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
it = g()
next(it)
it.gi_frame.clear()
print(it.gi_frame, list(it))
def h():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as e:
        print("err", e)
    yield 3
print(list(h()))
def k():
    yield sys._getframe()
fr = next(k())
def done():
    return sys._getframe()
old = done()
old.clear()
print("cleared a returned frame", old.f_code.co_name)
class Res:
    def __del__(self):
        print("res released")
def holds():
    r = Res()
    yield r
    print("never")
it2 = holds()
next(it2)
it2.gi_frame.clear()
print("state", __import__("inspect").getgeneratorstate(it2))
