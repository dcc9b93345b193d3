# permutations.py — combinatorial integer code: brute-force travelling
# salesman over itertools.permutations, Heap's algorithm on a list in place,
# lexicographic next-permutation, subset sums with itertools.combinations,
# and counting by dynamic programming (derangements, partitions).
import itertools
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
ROUNDS = max(1, int(30 * SCALE))
CITIES = 9
HEAP_N = 9 if SCALE >= 0.5 else 8


def cities(n, seed):
    return [((i * 37 + seed * 11) % 101, (i * 61 + seed * seed) % 89) for i in range(n)]


def tour_length(order, dist):
    total = dist[0][order[0]] + dist[order[-1]][0]
    for a, b in zip(order, order[1:]):
        total += dist[a][b]
    return total


def tsp(pts):
    n = len(pts)
    dist = [[abs(ax - bx) + abs(ay - by) for bx, by in pts] for ax, ay in pts]
    best, best_order = None, None
    for order in itertools.permutations(range(1, n)):
        if order[0] > order[-1]:
            continue
        length = tour_length(order, dist)
        if best is None or length < best:
            best, best_order = length, order
    return best, best_order


def heap_permutations(n):
    a = list(range(n))
    c = [0] * n
    count, checksum = 1, 0
    i = 0
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                a[0], a[i] = a[i], a[0]
            else:
                a[c[i]], a[i] = a[i], a[c[i]]
            count += 1
            checksum = (checksum * 31 + a[0] * 7 + a[-1]) % 1000000007
            c[i] += 1
            i = 0
        else:
            c[i] = 0
            i += 1
    return count, checksum


def next_permutation(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return True


def subset_sums(values, target):
    hits = 0
    for r in range(1, len(values) + 1):
        for combo in itertools.combinations(values, r):
            if sum(combo) == target:
                hits += 1
    return hits


def derangements(n):
    d = [1, 0]
    for k in range(2, n + 1):
        d.append((k - 1) * (d[-1] + d[-2]))
    return d[n]


def partitions(n):
    p = [1] + [0] * n
    for k in range(1, n + 1):
        for m in range(k, n + 1):
            p[m] += p[m - k]
    return p[n]


def main():
    for r in range(ROUNDS):
        best = tsp(cities(CITIES, r))
        if r % 10 == 0:
            print("tsp", r, best)
    print("heap", heap_permutations(HEAP_N))
    a = [1, 1, 2, 3, 3, 4, 5, 6]
    steps = 1
    while next_permutation(a):
        steps += 1
    print("multiset perms", steps, a)
    print("subset sums", subset_sums([3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59], 120))
    print("derangements", derangements(30), "partitions", partitions(int(400 * SCALE) + 50))


main()
