# An async comprehension inside a plain comprehension of a coroutine (3.11
# on; 3.10's compiler refuses it as outside of an asynchronous function).
# skip-on-python: 3.10 the program is not valid 3.10 code (asynchronous comprehension outside of an asynchronous function)


async def ticker(n):
    for i in range(n):
        yield i


async def consumer():
    print("nested", [[w async for w in ticker(v)] for v in range(3)])
    print("nested set", [{w * v async for w in ticker(v)} for v in range(3)])
    # inside a generator expression, which it makes an asynchronous
    # generator (from 3.12 the list comprehension is inlined into it)
    gen = ([w + v async for w in ticker(v)] for v in range(3))
    print("in a genexpr", type(gen).__name__, [x async for x in gen])
    return "done"


coro = consumer()
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
