# Big integers: factorials, powers, Fibonacci numbers with hundreds of
# digits, digit sums, integer square roots by Newton's method, gcd.

import math


def factorial(n):
    r = 1
    k = 2
    while k <= n:
        r *= k
        k += 1
    return r


def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def digit_sum(n):
    s = 0
    for ch in str(n):
        s += int(ch)
    return s


f100 = factorial(100)
print(len(str(f100)), digit_sum(f100), f100 % (10 ** 9 + 7))
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(str(a)[:20], len(str(a)), a % 1000000)
print(isqrt(10 ** 40 + 12345), math.isqrt(10 ** 40 + 12345), math.gcd(f100, 2 ** 200 * 3))
print(2 ** 200, -(2 ** 100) // 3, (2 ** 100) % -7, 7 ** 77 & 0xFFFF, 1 << 100 | 1)
print(int("9" * 50) + 1, hex(2 ** 70), (10 ** 30).bit_length(), abs(-(10 ** 25)))
