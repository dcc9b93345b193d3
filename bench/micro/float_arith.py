# float_arith.py — float arithmetic: a Mandelbrot set rendered to a count.

import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))


def escapes(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit


def mandelbrot(size, limit):
    inside = 0
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 3.0 * x / size - 2.0
            n = escapes(cr, ci, limit)
            total += n
            if n == limit:
                inside += 1
    return inside, total


inside, total = mandelbrot(max(10, int(400 * SCALE ** 0.5)), 150)
print("points inside:", inside, "iterations:", total)
