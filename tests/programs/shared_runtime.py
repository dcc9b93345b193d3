# compile-package: sharedrt
# One runtime per process (docs/runtime.md, "One runtime per process"): in
# the module run, sharedrt.alpha and sharedrt.beta are two extension modules
# (and this program a third): their functions and generators have one type,
# calls and `yield from` go across modules, the __code__ registry, frame.clear()
# and ExceptionGroup.split replacements know every module's objects.
import traceback
import types

from sharedrt import alpha, beta

print("function types:", type(alpha.f) is type(beta.g), type(alpha.f).__name__)
print("generator types:", type(alpha.gen(1)) is type(beta.gen(1)),
      type(beta.gen(1)).__name__)
print("loader types:", type(alpha.__loader__) is type(beta.__loader__))
print("isinstance:", isinstance(alpha.f, types.FunctionType),
      isinstance(beta.gen(0), types.GeneratorType))

# calls across modules, both ways, direct and through *args
print("f(20) =", alpha.f(20))
print("apply:", alpha.apply(beta.g, 7), alpha.apply(alpha.f, 1))
print("count:", alpha.count(5))
print("sorted by beta.g:", sorted([3, -1, 2], key=beta.g))

# yield from a generator of another module, its return value
print("gen:", list(alpha.gen(3)))
g = alpha.gen(2)
print("send:", next(g), g.send("ignored"), next(g))
g.close()

# the code of one module's function given to another's
alpha.swap_target.__code__ = beta.g.__code__
print("swapped:", alpha.swap_target(5), alpha.swap_target.__name__)
rebuilt = type(beta.g)(beta.g.__code__, {}, "rebuilt")
print("rebuilt:", rebuilt(21), type(rebuilt) is type(alpha.f))

# frame.clear() of beta's suspended generator, from alpha
s = beta.suspended()
print("suspended:", next(s))
alpha.clear_frame(s)
print("after clear:", s.gi_frame)

# ExceptionGroup.split with beta's predicate, called from alpha
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
match, rest = alpha.split(eg)
print("split:", repr(match), repr(rest))

# tracebacks through both modules
try:
    alpha.fail(5)
except ValueError:
    traceback.print_exc()
print("fail(1) =", alpha.fail(1))


def local(x):
    return alpha.f(x) * 10


print("local:", local(2))
# coroutines and async generators of two modules: one type each, awaited
# and iterated across modules
import asyncio
ca, cb = alpha.coro(1), beta.coro(1)
print("coroutine types:", type(ca) is type(cb), type(ca).__name__)
ca.close()
print("await across modules:", asyncio.run(cb))
print("async generator types:", type(alpha.agen(1)) is type(beta.agen(1)))


async def collect():
    return [v async for v in beta.agen(3)]


print("async for across modules:", asyncio.run(collect()))
alpha.fail(9)
