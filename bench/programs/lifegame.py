# lifegame.py — Conway's game of life two ways: a sparse set of live cells
# with neighbour counts in a dict, and a dense list-of-lists grid on a torus;
# plus pattern detection with frozensets and a history of seen states.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
GENS = max(10, int(250 * SCALE))

NEIGHBOURS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]


def step_sparse(live):
    counts = {}
    for x, y in live:
        for dx, dy in NEIGHBOURS:
            key = (x + dx, y + dy)
            counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}


def step_dense(grid):
    h, w = len(grid), len(grid[0])
    out = []
    for y in range(h):
        up, row, down = grid[y - 1], grid[y], grid[(y + 1) % h]
        new = [0] * w
        for x in range(w):
            xl, xr = x - 1, (x + 1) % w
            n = (up[xl] + up[x] + up[xr] + row[xl] + row[xr] +
                 down[xl] + down[x] + down[xr])
            new[x] = 1 if n == 3 or (n == 2 and row[x]) else 0
        out.append(new)
    return out


def seed_cells(n, w, h):
    state = 2718
    cells = set()
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        cells.add(((state >> 4) % w, (state >> 16) % h))
    return cells


def normalise(live):
    if not live:
        return frozenset()
    mx = min(x for x, _ in live)
    my = min(y for _, y in live)
    return frozenset((x - mx, y - my) for x, y in live)


def main():
    glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
    g = glider
    for _ in range(4):
        g = step_sparse(g)
    print("glider moves", normalise(g) == normalise(glider), sorted(g))
    live = seed_cells(1500, 80, 80)
    sizes = []
    seen = {}
    period = None
    for gen in range(GENS):
        live = step_sparse(live)
        sizes.append(len(live))
        key = frozenset(live)
        if key in seen and period is None:
            period = (seen[key], gen)
        seen.setdefault(key, gen)
    xs = [x for x, _ in live]
    print("sparse", sizes[:6], sizes[-3:], "bbox", min(xs), max(xs), "period", period)
    w, h = 64, 48
    grid = [[0] * w for _ in range(h)]
    for x, y in seed_cells(900, w, h):
        grid[y][x] = 1
    pops = []
    for _ in range(GENS):
        grid = step_dense(grid)
        pops.append(sum(map(sum, grid)))
    print("dense", pops[:6], pops[-3:])


main()
