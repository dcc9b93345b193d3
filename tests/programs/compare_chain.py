# Comparisons: chained comparisons (each operand evaluated once), is / is not,
# in / not in over lists, strings, dicts and ranges.

calls = []


def val(name, v):
    calls.append(name)
    return v


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2 > 1)
print(val("a", 1) < val("b", 5) < val("c", 3) < val("d", 10))
print(calls)
calls.clear()
print(val("x", 5) < val("y", 1) < val("z", 10))
print(calls)
x = [1, 2, 3]
y = x
print(x is y, x is not [1, 2, 3], x == [1, 2, 3], None is None)
print(2 in x, 5 not in x, "ell" in "hello", "k" in {"k": 1}, 7 in range(0, 10, 7))
print("abc" < "abd", (1, 2) < (1, 2, 0), [3] > [2, 9], 1 == 1.0, 1 != "1")
a = 5
print(0 <= a < 10 == 10, 0 < a > 4, a == 5 != 6, a is not None)
