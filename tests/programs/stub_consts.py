# co_consts of compiled functions' code objects (docs/runtime.md, "co_consts
# of a stub"): what a program reads from them is what CPython's compiler
# gives: the docstring or None first, the constants in the compiler's order,
# nested code objects (functions, lambdas, classes, comprehensions) in place
# with their names; a nested stub taken out of co_consts runs.
import marshal
import sys
import types

V311 = sys.version_info >= (3, 11)


def show(value):
    if isinstance(value, types.CodeType):
        return "code " + value.co_name
    if isinstance(value, frozenset):
        return "frozenset " + repr(sorted(value))
    return type(value).__name__ + " " + repr(value)


def listed(code):
    """co_consts as a list, without what a stub may add past CPython's
    items: 3.10 keeps the qualified name last (no co_qualname: the runtime
    reads it there), and a None last for the stub's runner when CPython's
    co_consts has none (after a docstring; 3.11's list, set and dict
    comprehensions).  Both runs drop the same items."""
    consts = list(code.co_consts)
    if not V311 and consts and isinstance(consts[-1], str) and consts[-1].endswith(code.co_name):
        consts.pop()
    if len(consts) > 1 and consts[-1] is None and consts.count(None) == 1:
        consts.pop()
    if consts == [None] and code.co_name in ("<listcomp>", "<setcomp>", "<dictcomp>"):
        consts.pop()
    return consts


def walk(code, depth=0):
    qualname = getattr(code, "co_qualname", code.co_name)
    print("  " * depth + qualname, code.co_argcount, code.co_flags & 0x3ff)
    for c in listed(code):
        print("  " * depth + "  " + show(c))
        if isinstance(c, types.CodeType):
            walk(c, depth + 2)


def documented(a, b=2):
    "The docstring."
    return a + b * 2.5


def constants(x):
    s = "text"
    t = (1, 2, "three")
    big = 10 ** 30
    neg = -7
    b = b"bytes"
    c = 2j
    e = ...
    if x in {1, 2, 3}:
        return s, t, big, neg, b, c, e
    return None


def nested(n):
    def inner(k):
        "inner's doc"
        return k + n
    lam = lambda y: y * 3
    class Local:
        attr = 5
        def method(self):
            return self.attr
    gen = (i * i for i in range(n))
    lst = [inner(i) for i in range(n)]
    st = {i % 2 for i in range(n)}
    dc = {i: [j for j in range(i)] for i in range(n)}
    return inner(1), lam(2), Local().method(), list(gen), lst, st, dc


def generator(n):
    yield n
    yield n + 1


async def coroutine(x):
    return x + 1


def make_set():
    "A set from a generator expression (test_inspect's case)."
    return set(z * z for z in range(5))


def grid(rows):
    "Comprehensions in comprehensions: CPython's qualname has no <locals>"
    "after a comprehension's (grid.<locals>.<listcomp>.<listcomp>)."
    cells = [[(x, y) for x in range(2)] for y in rows]
    gens = [(x for x in r) for r in rows]
    return cells, [repr(g).split(" at ")[0] for g in gens], [list(g) for g in gens]


def plain():
    def helper():
        return 42
    return helper


for fn in (documented, constants, nested, generator, coroutine, make_set, grid, plain):
    walk(fn.__code__)
    print("doc", fn.__doc__)

print(nested(3))
print(grid([1, 2]))

# The nested genexpr's code, run by the interpreter before and after the
# function around it ran.
genexpr_code = [c for c in make_set.__code__.co_consts if isinstance(c, types.CodeType)][0]
if V311:
    print(sorted(types.FunctionType(genexpr_code, {})(iter(range(3)))))
    print(make_set())
    print(sorted(types.FunctionType(genexpr_code, {})(iter(range(4)))))
    helper_code = [c for c in plain.__code__.co_consts if isinstance(c, types.CodeType)][0]
    print(types.FunctionType(helper_code, {})())
else:
    # 3.10's stubs raise when the interpreter runs them (no runner units)
    print("skipped: the interpreter runs no stub on 3.10")
    print(make_set())

# marshal round trip keeps them equal, nested code objects too
for fn in (documented, nested, make_set):
    again = marshal.loads(marshal.dumps(fn.__code__))
    print(fn.__name__, again == fn.__code__, again.co_consts == fn.__code__.co_consts)

# the module's own code object
module_code = sys._getframe().f_code
print([show(c) for c in listed(module_code) if isinstance(c, types.CodeType)])
