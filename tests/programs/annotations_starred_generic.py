"""Starred annotations (PEP 646) of generic functions (PEP 695): `*Ts` is
the function's own TypeVarTuple, unpacked in the type-parameter scope."""
# skip-on-python: 3.10 type parameters are 3.12 syntax
# skip-on-python: 3.11 type parameters are 3.12 syntax


def f[T, *Ts](first: T, *rest: *Ts) -> tuple[T, *Ts]:
    return (first, *rest)


print(f.__annotations__)
print(f.__type_params__)
print(f(1, 2, 3))


class Box[*Ts]:
    def put(self, *items: *Ts):
        return items


print(Box.put.__annotations__, Box.__type_params__)


def bad[T](*args:
           *T):
    pass
