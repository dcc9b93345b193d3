# Lists: display, append/extend/insert/pop/remove, subscript assignment and
# deletion, slice assignment, sorting, reversing, nested lists, aliasing.

a = [5, 3, 8, 1]
a.append(7)
a.extend([2, 9])
a.insert(0, 6)
print(a, len(a), a[2], a[-2])
print(a.pop(), a.pop(0), a)
a.remove(8)
a[0] = 50
a[-1] += 100
del a[1]
print(a)
a.sort()
print(a, sorted(a, reverse=True), a.index(50), a.count(3))
a[1:3] = [10, 20, 30]
print(a)
del a[::2]
print(a)
b = a
b.append("shared")
print(a is b, a, a[:] is a, a[:] == a)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0] += [1]
print(grid, [1, 2] * 2, [1] + [2], list("abc"), list(range(3)))
r = [3, 1, 2]
r.reverse()
print(r, min(r), max(r), sum(r), [] == [], [1, [2]] == [1, [2]])
