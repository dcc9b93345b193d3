# 3.12 inlines the comprehension (PEP 709): `l[0]` reads its own l, unbound
# before the first store (3.12 raises UnboundLocalError).  In a function l
# is the function's own slot, saved and restored around the loop
# (tests/programs/comprehension_saved_slot.py); at module level 3.12 keeps
# it in a hidden slot of the module's frame, which compiled module code
# does not have: refused, not read from an empty temporary.
# skip-on-python: 3.10 comprehensions are functions before 3.12 (no inlining, compiled)
# skip-on-python: 3.11 comprehensions are functions before 3.12 (no inlining, compiled)
l = [None]
print([1 for (l[0], l) in [[1, 2]]])
