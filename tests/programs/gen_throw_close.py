# throw(), close(), finally blocks, GeneratorExit, PEP 479, tracebacks.
import gc
import sys
import traceback


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield "recovered"
    finally:
        print("finally runs")


g = guarded()
print(next(g))
print(g.throw(ValueError("bad")))
print(g.throw(ValueError) if False else "skip")
g.close()
print("closed")

g = guarded()
next(g)
try:
    g.throw(KeyError, KeyError("k"), None)
except KeyError as e:
    print("propagated", e)

g = guarded()
try:
    g.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted:", e)
print(list(g))


stubborn = True


def ignores_exit():
    while True:
        try:
            yield
        except GeneratorExit:
            print("ignoring")
            if not stubborn:
                raise


h = ignores_exit()
next(h)
try:
    h.close()
except RuntimeError as e:
    print("RuntimeError:", e)
stubborn = False
del h
gc.collect()


def stop_inside():
    yield 1
    next(iter([]))


try:
    list(stop_inside())
except RuntimeError as e:
    print("PEP 479:", e, type(e.__cause__).__name__)


def collected():
    try:
        yield 1
    finally:
        print("collected generator closed")


x = collected()
next(x)
del x
gc.collect()


def fails():
    yield 1
    1 / 0


try:
    for v in fails():
        pass
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def bad_throw():
    yield


b = bad_throw()
next(b)
for args in [(1,), (ValueError("x"), 1), (ValueError, None, 3)]:
    try:
        b.throw(*args)
    except TypeError as e:
        print("TypeError:", e)


def handled_context():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


hc = handled_context()
print(next(hc), sys.exc_info()[0])
try:
    raise OSError("outside")
except OSError:
    print(next(hc), sys.exc_info()[0].__name__)
print(next(hc))


def thrown_context():
    try:
        raise KeyError("handled")
    except KeyError:
        yield


tc = thrown_context()
next(tc)
try:
    tc.throw(ValueError("thrown"))
except ValueError as e:
    print("context:", repr(e.__context__))


def raise_after_throw():
    try:
        yield
    except ValueError:
        raise TypeError("converted")


r = raise_after_throw()
next(r)
try:
    r.throw(ValueError)
except TypeError as e:
    traceback.print_exc(file=sys.stdout)
