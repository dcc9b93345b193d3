# PEP 695 generic functions (3.12): type parameters made in their own hidden
# scope, bounds and constraints evaluated lazily (with the traceback of the
# evaluation), defaults and keyword defaults evaluated where the def is,
# annotations seeing the parameters, decorators, nesting, closures over the
# parameters, async defs, __type_params__ and qualnames.
# skip-on-python: 3.10 type parameters are 3.12 syntax
# skip-on-python: 3.11 type parameters are 3.12 syntax
import asyncio
import traceback

order = []


def note(what, value):
    order.append(what)
    return value


def deco(f):
    order.append("decorate " + f.__name__)
    return f


@deco
def ident[T](x: T = note("default x", 1), *, y: T = note("kwdefault y", 2)) -> T:
    return x


print(order)
print(ident(), ident(5), ident.__defaults__, ident.__kwdefaults__)
print(ident.__type_params__, ident.__annotations__)
print(ident.__name__, ident.__qualname__, ident.__code__.co_firstlineno)

T, = ident.__type_params__
print(type(T).__name__, T.__name__, T.__bound__, T.__constraints__, T.__infer_variance__,
      T.__covariant__, T.__contravariant__, T.__module__)


def kinds[A: int, B: (int, str), *Ts, **P](a: A, b: B, *rest: tuple[*Ts]) -> tuple[A, B]:
    return a, b


A, B, Ts, P = kinds.__type_params__
print(kinds.__type_params__, [type(p).__name__ for p in kinds.__type_params__])
print(A.__bound__, A.__constraints__, B.__bound__, B.__constraints__)
print(P.args, P.kwargs, kinds.__annotations__)
print(kinds(1, "two", 3, 4))

# a bound naming something defined later: nothing happens at the def
def later[T: Later](x: T) -> T:
    return x


class Later:
    pass


print(later.__type_params__[0].__bound__ is Later)

# an undefined bound fails when read, with the evaluation's frame
def broken[T: Missing, U: (int, Missing2)]():
    pass


for tp in broken.__type_params__:
    for attr in ("__bound__", "__constraints__"):
        try:
            print(attr, getattr(tp, attr))
        except NameError:
            traceback.print_exc()

# an annotation that fails fails at the def, in the hidden scope
try:
    def bad_annotation[T](x: T, y: Nope) -> T:
        pass
except NameError:
    traceback.print_exc()


# nested: closures over type parameters and enclosing locals
def outer(k):
    def inner[T, U: list](x: T) -> U:
        def use():
            return T, k
        return use()
    return inner


inner = outer(7)
print(inner.__qualname__, inner("x")[1], inner("x")[0] is inner.__type_params__[0])
print(inner.__type_params__[1].__bound__)

# a parameter shadows a global of the same name, only inside
X = "global X"


def shadow[X](a: X) -> X:
    return X


print(shadow(1) is shadow.__type_params__[0], X)


async def coro[T](x: T) -> T:
    await asyncio.sleep(0)
    return x


print(asyncio.run(coro(42)), coro.__type_params__, coro.__annotations__)


def gen[T](n: T):
    yield from range(n)


print(list(gen(3)), gen.__type_params__)

# each call of the def makes new parameters
def make():
    def f[T](): pass
    return f.__type_params__[0]


print(make() is make(), make() == make())

# the generic function's own exceptions: a default that fails is raised
# where the def is
try:
    def d[T](x=1 / 0): pass
except ZeroDivisionError:
    traceback.print_exc()
