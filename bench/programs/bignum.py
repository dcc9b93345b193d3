# bignum.py — arbitrary-precision integers: digits of pi by Machin's formula
# in fixed point, e by its series, big factorials and Fibonacci numbers by
# fast doubling, digit sums through str().
import os
import sys

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
sys.set_int_max_str_digits(200000)
DIGITS = max(200, int(6000 * SCALE ** 0.5))


def arctan_inv(x, unity):
    total = term = unity // x
    x2 = x * x
    n = 3
    sign = -1
    while term:
        term //= x2
        total += sign * (term // n)
        sign = -sign
        n += 2
    return total


def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return str(pi // 10 ** 10)


def e_digits(digits):
    unity = 10 ** (digits + 10)
    total = term = unity
    k = 1
    while term:
        term //= k
        total += term
        k += 1
    return str(total // 10 ** 10)


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


def digit_sum(n):
    return sum(int(ch) for ch in str(n))


def collatz_max(limit):
    best, arg = 0, 0
    cache = {1: 1}
    for start in range(1, limit):
        n, steps, path = start, 0, []
        while n not in cache:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps = cache[n]
        for m in reversed(path):
            steps += 1
            cache[m] = steps
        if steps > best:
            best, arg = steps, start
    return arg, best


def main():
    pi = pi_digits(DIGITS)
    e = e_digits(DIGITS)
    print("pi", pi[:30], "...", pi[-10:])
    print("e ", e[:30], "...", e[-10:])
    f = factorial(DIGITS // 2)
    print("factorial digits", len(str(f)), "digit sum", digit_sum(f))
    fib = fib_pair(DIGITS * 20)[0]
    print("fib bits", fib.bit_length(), "mod 1e9+7", fib % 1000000007)
    print("collatz", collatz_max(int(300000 * SCALE) + 10))


main()
