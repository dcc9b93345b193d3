# generators.py — generator pipelines, generator expressions, yield from.

import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def chained(n):
    yield from count_up(n)
    yield from count_up(n)


def main():
    total = 0
    for x in evens(count_up(int(2000000 * SCALE))):
        total += x
    print("pipeline =", total)
    print("genexp =", sum(i * i for i in range(int(1500000 * SCALE)) if i & 1))
    print("yield from =", sum(chained(int(600000 * SCALE))))


main()
