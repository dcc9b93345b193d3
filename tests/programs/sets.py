# Sets: displays, operators (| & - ^), comparisons, methods, membership,
# frozenset, iteration through sorted().

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a > {1, 2}, {3} <= b, a == {4, 3, 2, 1}, 5 in b, 1 not in b)
a.add(10)
a.discard(1)
a |= {100}
a -= {2}
print(sorted(a), len(a))
s = set("hello")
print(sorted(s), sorted(set([1, 1, 2])), frozenset({1}) == {1})
empty = set()
empty.update([3, 1], (2,))
print(sorted(empty), empty.isdisjoint({9}), sorted({7, 8} if empty else {0}))
