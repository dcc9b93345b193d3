# int_loop.py — integer arithmetic in a while loop (a Collatz walk).

import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main(limit):
    best = 0
    best_n = 0
    total = 0
    n = 1
    while n < limit:
        s = collatz_steps(n)
        total += s
        if s > best:
            best = s
            best_n = n
        n += 1
    print("longest chain below", limit, "starts at", best_n, "with", best, "steps")
    print("total steps", total)


main(max(100, int(100000 * SCALE)))
