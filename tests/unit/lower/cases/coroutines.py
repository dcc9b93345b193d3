# coroutines: await, async with, async for, async generators, async comprehensions
async def f(a, m):
    r = await a
    async with m as x:
        pass
    async for i in a:
        r = i
    else:
        r = 0
    return [y async for y in a]

async def g(a):
    yield await a
