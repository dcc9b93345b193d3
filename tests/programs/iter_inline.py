# Range and list iterators stepped inline (compat/iter311.h): the same
# values, mutation during iteration, exhaustion and reuse as CPython.
import sys

print(list(range(5)), list(range(10, 0, -3)), list(range(-5, 5, 4)))
print([i for i in range(sys.maxsize - 3, sys.maxsize)])
print([i for i in range(-sys.maxsize - 1, -sys.maxsize + 2)])
print(sum(i for i in range(0)))

lst = [1, 2, 3]
for x in lst:
    if x < 5:
        lst.append(x + 3)
print(lst)

lst = [1, 2, 3, 4, 5, 6]
out = []
for x in lst:
    out.append(x)
    if x == 2:
        lst.remove(x)
print(out, lst)

it = iter([1, 2])
for x in it:
    pass
lst2 = [9]
print(list(it), next(it, "done"))
it = iter(range(3))
for x in it:
    if x == 1:
        break
print(list(it))


class L(list):
    def __iter__(self):
        yield "custom"


for x in L([1, 2]):
    print(x)
total = 0
for i in range(2**62, 2**62 + 3):
    total += i
print(total)
for i in range(2**70, 2**70 + 2):
    print(i)

# Iterators moved by __setstate__ (pickle's route): 3.13 keeps a list
# iterator set to -1 alive with index -1 and its list (3.10-3.12 clip the
# index to 0), which an inline step must not read as an index.
for state in (-1, -5, 0, 2, 7):
    it = iter([10, 20, 30])
    it.__setstate__(state)
    got = []
    for x in it:
        got.append(x)
    print("list setstate", state, got, next(it, "end"))
for state in (-1, 0, 2, 9):
    it = iter(range(5, 10))
    it.__setstate__(state)
    got = []
    for x in it:
        got.append(x)
    print("range setstate", state, got, next(it, "end"))
