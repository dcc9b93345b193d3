# 3.12 inlines the comprehension (PEP 709): `l[0]` reads its own l, unbound
# before the first store (3.12 raises UnboundLocalError); refused, not read
# from an empty temporary.
# skip-on-python: 3.10 comprehensions are functions before 3.12 (no inlining, compiled)
# skip-on-python: 3.11 comprehensions are functions before 3.12 (no inlining, compiled)
def f():
    l = [None]
    return [1 for (l[0], l) in [[1, 2]]]
