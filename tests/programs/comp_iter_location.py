# Where an exception from iter() or next() of a comprehension's iterable is
# reported: at the whole comprehension until 3.12, at the iterable itself on
# 3.13 (its GET_ITER and FOR_ITER carry the iterable's location), for the
# list, set and dict comprehensions 3.12+ inlines (PEP 709) as for generator
# expressions and for loops.  Compared with the same interpreter.
import asyncio
import linecache
import traceback


class Broken:
    def __init__(self, where):
        self.where = where

    def __iter__(self):
        if self.where == 'iter':
            raise ValueError('iter')
        return self

    def __next__(self):
        raise ValueError('next')

    def __aiter__(self):
        if self.where == 'iter':
            raise ValueError('aiter')
        return self

    async def __anext__(self):
        raise ValueError('anext')


def span(exc):
    """The source text the location of the frame below Broken's method covers."""
    frame = traceback.extract_tb(exc.__traceback__)[-2]
    if getattr(frame, 'colno', None) is None:   # 3.10: lines only
        return frame.name, frame.lineno
    line = linecache.getline(frame.filename, frame.lineno)
    return frame.name, line[frame.colno:frame.end_colno]


def listcomp(where):
    try:
        return [x for x in Broken(where)]
    except ValueError as e:
        return span(e)


def setcomp(where):
    try:
        return {x for x in Broken(where)}
    except ValueError as e:
        return span(e)


def dictcomp(where):
    try:
        return {x: x for x in Broken(where)}
    except ValueError as e:
        return span(e)


def nested(where):
    try:
        return [x for y in [1] for x in Broken(where)]
    except ValueError as e:
        return span(e)


def genexp(where):
    try:
        return list(x for x in Broken(where))
    except ValueError as e:
        return span(e)


def loop(where):
    try:
        for x in Broken(where):
            pass
    except ValueError as e:
        return span(e)


async def asynccomp(where):
    try:
        return [x async for x in Broken(where)]
    except ValueError as e:
        return span(e)


async def asyncnested(where):
    try:
        return [x for y in [1] async for x in Broken(where)]
    except ValueError as e:
        return span(e)


async def asyncgenexp(where):
    try:
        return [x async for x in (x async for x in Broken(where))]
    except ValueError as e:
        return span(e)


async def asyncloop(where):
    try:
        async for x in Broken(where):
            pass
    except ValueError as e:
        return span(e)


for fn in (listcomp, setcomp, dictcomp, nested, genexp, loop):
    for where in ('iter', 'next'):
        print(fn.__name__, where, fn(where))
for fn in (asynccomp, asyncnested, asyncgenexp, asyncloop):
    for where in ('iter', 'next'):
        print(fn.__name__, where, asyncio.run(fn(where)))
