# PEP 695 `type` statements (3.12): TypeAliasType with a lazily evaluated
# __value__ (its own frame in tracebacks), generic aliases with their
# parameters, __module__, __name__, repr, subscription, nesting.
# skip-on-python: 3.10 the type statement is 3.12 syntax
# skip-on-python: 3.11 the type statement is 3.12 syntax
import traceback

type Int = int
print(Int, repr(Int), type(Int).__name__, Int.__name__, Int.__module__)
print(Int.__value__, Int.__type_params__, Int.__parameters__)

type ListOf[T] = list[T]
print(ListOf.__value__, ListOf.__type_params__, ListOf.__parameters__)
print(ListOf[int], ListOf[int].__args__, ListOf[int].__origin__ is ListOf)

type Many[K: str, *Vs, **P] = tuple[K, *Vs]
print(Many.__type_params__, Many.__value__, Many.__type_params__[0].__bound__)

# lazy: names defined later are fine, undefined ones fail when read
type Forward = Later | None


class Later:
    pass


print(Forward.__value__)

type Broken = Missing[int]
for _ in range(2):
    try:
        print(Broken.__value__)
    except NameError:
        traceback.print_exc()


def outer(v):
    type Local[T] = dict[T, v]
    type Plain = v
    return Local, Plain


Local, Plain = outer(str)
print(Local, Local.__value__, Plain.__value__, Local.__module__)

# the value is evaluated once and kept
count = 0


def counted():
    global count
    count += 1
    return int


type Once = counted()
print(count, Once.__value__, Once.__value__, count)

# rebinding the name
type Int = str
print(Int.__value__)
