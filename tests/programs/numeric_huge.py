# Arithmetic in a "huge" function (src/cgen/numeric.c, docs/
# compile-scaling.md): above CGEN_HUGE_FUNCTION_WEIGHT IR nodes a function's
# trees are not fused (only the generic code is written) and its C is
# compiled at -O0.  The limits below make every function here huge and
# chunked, so that its code meets ints, floats, both mixed, growth past a
# machine word, the operators only ints have, non-numbers, a call a fused
# tree would inline and its errors.
# compile-env: PYC2C_HUGE_WEIGHT=1
# compile-env: PYC2C_CHUNK_WEIGHT=5


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y


def foo(a, b):
    return a + b


def line(n, s):
    x = foo(n, 1) + len(s)
    y = x * 2.5 - n
    z = x // 3 + x % 3 - x ** 2
    w = (x + 1) / (x - 1)
    return x, y, z, w


def bits(x):
    return (x << 2) + (x >> 1) ^ (x & 5) | 8


def point(p, k):
    d = p.x * p.x + p.y * p.y
    return d * k - p.x // 2


def accumulate(n):
    t = 0
    f = 0.0
    for i in range(n):
        t = t + foo(i, i) * 3
        f = f + i / 7 - foo(f, 0.5)
    return t, round(f, 6)


print(line(3, "ab"))
print(line(2.5, "c"))
print(line(2 ** 62, "xyz"))
print(line(-7, ""))
print(bits(5), bits(-9), bits(2 ** 61), bits(True))
print(point(P(3, 4), 2), point(P(1.5, -2), 3), point(P(2 ** 40, 2 ** 40), 2 ** 30))
print(accumulate(50))
print(foo("ab", "cd") + "!", foo([1], [2]) + [3])
try:
    line(0, "")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    line(True, None)
except TypeError as e:
    print("TypeError:", e)
try:
    line("s", "")
except TypeError as e:
    print("TypeError in foo:", e)
print(line(10 ** 30, "q"))
point(P("a", 1), 2)
