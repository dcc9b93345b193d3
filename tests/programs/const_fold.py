# Constant folding as CPython's compiler does it: folded values are one
# constant (identity), what raises or is too big is left to run time.
MASK = 2 ** 64 - 1
a = (1, 2, (3, -4))
b = (1, 2, (3, -4))
print(MASK, a is b, a)


def same_tuple():
    return (1, 2, (3, -4))


print(same_tuple() is a, same_tuple() is same_tuple())
big1 = 2 ** 200
big2 = 2 ** 200
print(big1 == big2, big1 is big2)           # over the size limit: not folded
s1 = "ab" * 3
s2 = "ababab"
print(s1 is s2)
print(~7, -(-3), +4, not 0, not "x", 1 + 2j, 2.0 ** 0.5, 7 // 2, -7 % 3)
print((1, 2) * 3, "abc"[1], (1, 2, 3)[-1], b"xy" * 2, 1 << 100, 255 >> 3)
print(0x0F | 0xF0, 6 & 3, 6 ^ 3, 10 / 4, 2 ** -1, (-2) ** 0.5)
for x in [1, 2, 3]:
    print(x, x in [2, 3], x in {1, 3}, x not in (1,), x in [x, 4])
print([y * 2 for y in [4, 5]], {z for z in {1, 2}})
print("%s-%d" % ("a", 3))


def raises(expr):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)


raises(lambda: 1 / 0)
raises(lambda: 2 ** 0.5 ** 10000.0 ** 2)
raises(lambda: ("a", "b")[5])
raises(lambda: "abc" + 1)
raises(lambda: 10.0 ** 400)
raises(lambda: 1 << -1)
try:
    (1, 2)[0] += 1
except TypeError as e:
    print("TypeError", e)
print(len("x" * 5000), len((0,) * 300))
print(1 / 0)
