# Tuples: displays (with one element), packing and unpacking, indexing,
# slicing, comparison, hashing as dict keys, nested tuples.

t = (1, "two", 3.0, None)
single = (42,)
empty = ()
print(t, single, empty, len(t), t[1], t[-1], t[1:3])
print(t + single, single * 3, 3.0 in t, t.index("two"), (1, 2, 1).count(1))
a, b = 1, 2
a, b = b, a
print(a, b)
pair = 10, 20
print(pair, type(pair).__name__)
coords = {(0, 0): "origin", (1, 2): "point"}
print(coords[(1, 2)], coords[0, 0], (1, 2) < (1, 3), (2,) > (1, 9, 9))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2)) == hash((1, 2)), tuple([3, 4]))
