# A set display of more than two constants is, in CPython, an empty set
# updated from one frozenset constant (BUILD_SET 0, LOAD_CONST, SET_UPDATE),
# and that constant is rebuilt by the compiler from the folded frozenset's
# iteration order: so its table layout, which printing and iterating show,
# is not the one adding the items one by one gives.  Found by tests/fuzz.
# Only ints, floats, bools and tuples of them: their hashes do not depend
# on PYTHONHASHSEED.

print({7, 255, 1000})
print({7, 255, 1000, 1000})
print({-10, 1000, 3, 10})
print({8, 16, 24, 32, 40, 48, 56, 64, 72})
print({1.5, 9, 17, 25.0, True, 33})
print({(1, 2), (9, 2), (17, 2), 8})
print(list({2**62, 2**63, 2**64, -2**63, 7, 15}))

# not constants: item by item, in CPython too
x = 7
print({x, 255, 1000, 1000})
print({7, 255, x})

# two items: item by item (BUILD_SET 2)
print({255, 7}, {7, 255})

# with a starred item: not a constant display
print({*[7, 255], 1000}, {1000, *(7, 255)})

# iterated or tested constants are the frozenset itself
for v in {7, 255, 1000, 1000}:
    print('for', v)
print([v for v in {16, 8, 0, 24}])
print(list({3, 11, 19, 27, 35} - {11}))
print(255 in {7, 255, 1000}, 5 not in {7, 255, 1000})
print(sorted({7, 255, 1000}) == sorted({1000, 255, 7}))

# the same set twice in a function: each display is a new set
def make():
    return {7, 255, 1000, 1000}


a, b = make(), make()
print(a == b, a is b, a)
a.add(9)
print(a, make())
print(frozenset({7, 255, 1000}), frozenset([7, 255, 1000]))


# a display whose items are not hashable raises, at run time
def bad():
    return {1, 2, [3]}


try:
    bad()
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2, 3} | {7, 255, 1000})
s = {9, 17, 25}
s.update({7, 255, 1000})
print(s)
