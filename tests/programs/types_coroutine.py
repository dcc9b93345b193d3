# types.coroutine on compiled generator functions: the function's code gets
# CO_ITERABLE_COROUTINE, its generators are awaitable and may `yield from` a
# coroutine, as for the source's functions.  A plain generator still may not.
import asyncio
import inspect
import types


@types.coroutine
def gen():
    yield 1
    return 'g'


async def main():
    return await gen()


c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('stop', e.value)


@types.coroutine
def old_style():
    x = yield from asyncio.sleep(0, 'slept')
    return 'old ' + x


async def gather():
    return await asyncio.gather(old_style(), old_style())


print(asyncio.run(gather()))
print(gen.__class__ is types.FunctionType, gen.__code__.co_flags & 0x100,
      inspect.isawaitable(gen()), inspect.isgeneratorfunction(gen))


def plain():
    yield from asyncio.sleep(0)


try:
    list(plain())
except TypeError as e:
    print('TypeError', e)


async def c2():
    return 1


def plain2():
    co = c2()
    try:
        yield from co
    finally:
        co.close()


try:
    list(plain2())
except TypeError as e:
    print('TypeError', e)

try:
    gen.__class__ = int
except TypeError as e:
    print('TypeError', e)

# a code replaced in other ways is not the compiled body's any more
def g2():
    yield 5


g2.__code__ = (lambda: (yield 7)).__code__
print(list(g2()))

# awaited by interpreted code (asyncio's own): exec'd source is interpreted
ns = {'gen': gen, 'asyncio': asyncio}
exec('async def interp():\n    return await gen()\n', ns)
print(asyncio.run(ns['interp']()))
print(type(gen()), isinstance(gen(), types.GeneratorType), inspect.isgenerator(gen()))
