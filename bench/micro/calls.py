# calls.py — function calls: recursion, defaults, keywords and *args.

import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
FIB = 30 if SCALE >= 1 else 25


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def total(*args):
    s = 0
    for a in args:
        s += a
    return s


def main():
    print("fib(%d) =" % FIB, fib(FIB))
    acc = 0
    for i in range(int(500000 * SCALE)):
        acc += scaled(i)
        acc += scaled(i, offset=1)
        acc -= total(i, 1, 2)
    print("acc =", acc)


main()
