# A frozenset constant keeps the table layout of CPython's constant, which
# a program sees as its iteration order.  CPython folds {2**60 - 1, ...}
# into a frozenset and rebuilds it from that one's iteration order; with
# colliding hashes (2**60 - 1 and 255 share slot 7 of 8) the order depends
# on that history.  The frozenset also reaches pyc2c in the function's
# co_consts (stub code objects) through marshal, which re-adds the items in
# sorted order: that copy must not stand for the constant.  Found by
# tests/fuzz (seed 5001, program 64): the literal in g changed which copy
# pyc2c kept.  Only ints: their hashes do not depend on PYTHONHASHSEED.


def f():
    print(list({2 ** 60 - 1, 2 ** 32 + 1, 2, 255}))
    print({255, 2 ** 60 - 1, 2 ** 32 + 1, 2})
    for v in {2 ** 60 - 1, 2 ** 32 + 1, 2, 255}:
        print('for', v)
    print([v for v in {2 ** 60 - 1, 2 ** 32 + 1, 2, 255}])
    return 255 in {2 ** 60 - 1, 2 ** 32 + 1, 2, 255}


def g(p):
    if 1152921504606846975 < p <= 255:
        return 2 ** 32 + 1


def h():
    return {2 ** 61 - 1, 2 ** 61 + 7, 7, 15, 1023, 2 ** 62}


print(f(), g(3))
print(h(), list(h()))
for code in (f.__code__, h.__code__):
    print([sorted(c) == list(c) for c in code.co_consts if isinstance(c, frozenset)])
    print([list(c) for c in code.co_consts if isinstance(c, frozenset)])
