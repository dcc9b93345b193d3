"""A comprehension variable a lambda captures, in a function that also
uses the name.  3.12+ inlines the comprehension (PEP 709): the variable is
the function's own cell of that name, whose cell object is saved before
the loop, replaced by a new cell for the closures made inside, and put
back after it, also when an exception leaves the loop; closures made
outside keep the function's cell.  When the name is a free variable of
the function, 3.12.1 and 3.13.0 give its slot a new cell holding the free
one and never put the old one back: after the comprehension the name
reads the loop's last value (or the free variable's cell object itself
when the loop never ran), while the enclosing function's variable is
untouched.  (Before 3.12 the comprehension is a function of its own.)"""
import asyncio
import sys


def cell_also_used():
    x = 10
    def before():
        return x
    fs = [lambda: x for x in range(3)]
    print("cell_also_used:", x, before(), [f() for f in fs])
    x = 11
    print("  after rebinding:", before(), [f() for f in fs])


def exception_restores_cell():
    x = 10
    before = lambda: x
    try:
        fs = [lambda: x for x in [1, 2, 0] if 1 // x]
    except ZeroDivisionError as e:
        print("exception_restores_cell:", e)
    print("  x after:", x, before())
    x = 12
    print("  before() sees the function's cell:", before())
    print("  f_locals x:", sys._getframe().f_locals["x"])


def nested_captures(rows):
    x = "outer"
    r = [[(lambda: (x, y)) for y in "ab"] for x in rows]
    print("nested_captures:", [[f() for f in row] for row in r], x)
    r = [[lambda: x for x in x] for x in rows]
    print("  same name inside:", [[f() for f in row] for row in r], x)


def empty_loop():
    x = "outer"
    fs = [lambda: x for x in ()]
    print("empty_loop:", fs, x)


def free_in_function():
    x = "enclosing"
    def inner():
        a = x
        fs = [lambda: x for x in "ab"]
        return a, x, [f() for f in fs]
    def twice():
        fs = [lambda: x for x in "ab"]
        fs += [lambda: x for x in "cd"]
        return x, [f() for f in fs]
    def never_runs():
        fs = [lambda: x for x in ""]
        return type(x).__name__
    def raising():
        try:
            [lambda: x for x in "ab" if 1 / (x == "a")]
        except ZeroDivisionError:
            pass
        return x
    print("free_in_function:", inner(), twice(), never_runs(), raising(), x)


def nonlocal_name():
    x = "enclosing"
    def inner():
        nonlocal x
        fs = [lambda: x for x in "ab"]
        return x, [f() for f in fs]
    print("nonlocal_name:", inner(), x)


async def in_coroutine():
    x = "outer"
    async def value(v):
        await asyncio.sleep(0)
        return v
    fs = [(lambda: x, await value(x))[0] for x in "pq"]
    return x, [f() for f in fs]


def cell_parameter(x):
    keep = lambda: x
    fs = [lambda: x for x in (x, x * 2)]
    return x, keep(), [f() for f in fs]


def uncaught():
    x = 1
    keep = lambda: x
    return [lambda: x for x in [1, 0] if 1 / x]


cell_also_used()
exception_restores_cell()
nested_captures(["r", "s"])
empty_loop()
free_in_function()
nonlocal_name()
print("in_coroutine:", asyncio.run(in_coroutine()))
print("cell_parameter:", cell_parameter(3))
uncaught()
