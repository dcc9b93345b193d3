# Generators: next/send/return values, StopIteration, state, introspection.
import inspect
import types


def count(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done"


g = count(5)
print(type(g), type(g).__name__, isinstance(g, types.GeneratorType))
print(inspect.isgeneratorfunction(count), inspect.isgenerator(g))
print(inspect.getgeneratorstate(g))
print(g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_running)
print(next(g), next(g), g.send(3), next(g))
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
print(inspect.getgeneratorlocals(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(inspect.getgeneratorstate(g), g.gi_frame)
print(next(g, "exhausted"), g.send(None) if False else "-")
try:
    g.send(1)
except StopIteration as e:
    print("again", e.args)

fresh = count(2)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
print(list(fresh))


def tuple_return():
    yield 1
    return (1, 2)


t = tuple_return()
next(t)
try:
    next(t)
except StopIteration as e:
    print("tuple value", e.value)


def running():
    yield g2.gi_running
    yield inspect.getgeneratorstate(g2)


g2 = running()
print(list(g2))


def reenter():
    yield next(g3)


g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print("ValueError:", e)


def args(a, b=2, *rest, c, **kw):
    yield a
    yield b
    yield rest
    yield c
    yield kw


print(list(args(1, c=3)), list(args(1, 9, 8, 7, c=0, z=1)))
try:
    args()
except TypeError as e:
    print("TypeError:", e)


def closure(n):
    def inner():
        yield n
        yield from range(n)
    return inner


print(list(closure(3)()))


def cell_param(x):
    f = lambda: x
    yield f()
    x = 10
    yield f()


cp = cell_param(1)
print(inspect.getgeneratorlocals(cp))
print(list(cp))


class C:
    def items(self):
        yield from self.__dict__.items()

    @staticmethod
    def st():
        yield "static"

    @classmethod
    def cm(cls):
        yield cls.__name__


c = C()
c.a = 1
print(list(c.items()), list(C.st()), list(C.cm()), C.items.__qualname__)
print(repr(count(1)).startswith("<generator object count at 0x"))
print(sum(x * x for x in range(10)), [*(i for i in "abc")])
print(dict((k, v) for k, v in zip("ab", range(2))))
gl = (lambda: (yield 1))()
next(gl)
try:
    gl.send("lambda value")
except StopIteration as e:
    print(e.value)
