# The inline fast paths of compiled operators (include/pyc2c/ops.h) must give
# exactly CPython's results at their edges: signs of // and %, the compact-int
# boundary (2**30), float division by zero, negative and out-of-range indexes.

def arith(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        out.append(a // b)
        out.append(a % b)
    return out


edges = [0, 1, -1, 7, -7, 3, -3, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**62, -(2**62)]
for a in edges:
    for b in edges:
        print(a, b, arith(a, b), a < b, a <= b, a == b, a != b, a > b, a >= b)

floats = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, float("inf"), float("-inf"), float("nan")]
for x in floats:
    for y in floats:
        r = [x + y, x - y, x * y, x < y, x == y, x != y, x >= y]
        if y != 0.0:
            r.append(x / y)
        print(repr(x), repr(y), r)

x = 10
x += 2**30
print(x, type(x))
x -= 2**31
print(x)
x *= -3
print(x)
print(True + True, True * 3, 7 // True, -7 % 2, 7 % -2, -7 // 2)

seq = [10, 20, 30]
tup = (1, 2, 3)
print(seq[0], seq[-1], seq[-3], tup[-1], tup[1])
seq[-1] = 99
seq[0] += 5
print(seq)
print("abc"[-1], {1: "one"}[1], [1, 2, 3][True])


def bad_index(container, i):
    return container[i]


print(1.0 / 3.0, 2.0 * 0.1, 0.1 + 0.2)
try_values = [(seq, 5), (tup, -4)]
print(bad_index(seq, -4))
