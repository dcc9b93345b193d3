# for loops over lists, strings, ranges, dicts and iterators; else clauses,
# break and continue, loop variables left bound after the loop.

def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
        return -1
    return i


find([4, 8, 15], 8)
find([4, 8, 15], 16)
find("haystack", "s")
total = 0
for v in range(10, 0, -3):
    if v == 4:
        continue
    total += v
print("total", total, "last v", v)
for key in {"b": 1, "a": 2}:
    print("key", key)
it = iter([1, 2, 3, 4])
for a in it:
    print("pair", a, next(it))
for ch in "":
    print("never")
else:
    print("empty loop ran its else")
for row in [[1, 2], [3, 4]]:
    for cell in row:
        if cell == 3:
            break
        print("cell", cell)
