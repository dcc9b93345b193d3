"""test_type_params' test_comprehension_02: in a type alias's lazily
evaluated bound and value (PEP 695 annotation scopes), a comprehension
whose variable T a lambda captures, where the scope also reads T, the type
parameter, as a free variable (its first iterable).  3.12+ inlines the
comprehension (PEP 709) and gives T's free slot a new cell for the loop
(see comprehension_captured_saved.py)."""
# skip-on-python: 3.10 type parameters (PEP 695) are 3.12 syntax
# skip-on-python: 3.11 type parameters (PEP 695) are 3.12 syntax

type Alias[T: [lambda: T for T in (T, [1])[1]]] = [lambda: T for T in T.__name__]
func, = Alias.__value__
print(func())
T, = Alias.__type_params__
func, = T.__bound__
print(func())


def generic[U](items):
    fs = [lambda: U for U in items]
    return U, [f() for f in fs]


def shown(v):
    """A cell object (the loop never ran) by what it holds, not its address."""
    return f"cell of {v.cell_contents!r}" if type(v).__name__ == "cell" else v


print(generic([1, 2]))
u, fs = generic(())
print(shown(u), fs)

type Empty[V] = ([lambda: V for V in ()], V)
fs, v = Empty.__value__
print(fs, shown(v))
