"""A class-level comprehension whose variable a lambda or generator
expression captures: on 3.12+ (PEP 709) the comprehension is inlined into
the class body and the variable is a hidden cell of the class's frame,
renewed around the loop; the class namespace's own name of that spelling is
never touched (nor deleted by locals() afterwards)."""

i = "global i"


class C:
    def method(self):
        super()
        return __class__

    items = [(lambda: i) for i in range(5)]
    y = [x() for x in items]
    print("in class, before:", i)
    i = 7
    z = [(lambda: i) for i in "ab"]
    w = {i: (lambda: i) for i in "cd"}
    s = {(lambda: i)() for i in "ef"}
    gens = [list(j for _ in range(2)) for j in range(3)]
    pairs = [(lambda: (i, j)) for i in "gh" for j in "kl"]
    __p = "private"
    mangled = [(lambda: __p) for __p in "mn"]
    nested = [[(lambda: (i, k)) for k in range(2)] for i in "op"]
    print("namespace:", sorted(k for k in locals() if not k.startswith("__")))
    print("i after:", i, vars().get("i"))
    try:
        bad = [(lambda: i) for i in (1, 2, 1 / 0)]
    except ZeroDivisionError as e:
        print("raised:", e, "i still", i)


print(C.y, C().method() is C, C.i)
print([f() for f in C.z], {k: f() for k, f in C.w.items()}, sorted(C.s), C.gens)
print([f() for f in C.pairs], [f() for f in C.mangled], C._C__p)
print([[f() for f in row] for row in C.nested])
print("bad" in vars(C), i)


j = "global j"


class E:
    gens = [list(j for _ in range(2)) for j in range(3)]
    print("E reads", j)
    try:
        print(k)
    except NameError as e:
        print(e)
    ks = [(lambda: k) for k in range(2)]


print(sorted(k for k in vars(E) if not k.startswith("__")), [f() for f in E.ks])
