# mandelbrot.py — numeric float loops: the Mandelbrot and Julia sets on a
# grid, escape-time iteration with plain floats (no complex type), plus an
# ASCII rendering of a small window so the output shows the picture.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SIZE = max(8, int(320 * SCALE ** 0.5))
MAX_ITER = 80


def escape_time(cr, ci, max_iter):
    zr = zi = 0.0
    for i in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return max_iter


def julia_time(zr, zi, cr, ci, max_iter):
    for i in range(max_iter):
        if zr * zr + zi * zi > 4.0:
            return i
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    return max_iter


def grid(width, height, x0, x1, y0, y1):
    dx = (x1 - x0) / width
    dy = (y1 - y0) / height
    return [[(x0 + dx * x, y0 + dy * y) for x in range(width)] for y in range(height)]


def histogram(rows):
    counts = [0] * (MAX_ITER + 1)
    for row in rows:
        for n in row:
            counts[n] += 1
    return counts


def render(rows):
    chars = " .:-=+*#%@"
    out = []
    for row in rows:
        out.append("".join(chars[min(n * len(chars) // (MAX_ITER + 1), 9)] for n in row))
    return "\n".join(out)


def main():
    pts = grid(SIZE, SIZE, -2.0, 0.6, -1.3, 1.3)
    mand = [[escape_time(cr, ci, MAX_ITER) for cr, ci in row] for row in pts]
    pts = grid(SIZE, SIZE, -1.5, 1.5, -1.5, 1.5)
    jul = [[julia_time(zr, zi, -0.8, 0.156, MAX_ITER) for zr, zi in row] for row in pts]
    hm = histogram(mand)
    hj = histogram(jul)
    print("size", SIZE)
    print("mandelbrot inside", hm[MAX_ITER], "total iterations", sum(map(sum, mand)))
    print("julia inside", hj[MAX_ITER], "total iterations", sum(map(sum, jul)))
    small = [[escape_time(-2.0 + 2.6 * x / 60, -1.2 + 2.4 * y / 24, MAX_ITER)
              for x in range(60)] for y in range(24)]
    print(render(small))


main()
