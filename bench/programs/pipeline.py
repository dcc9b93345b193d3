# pipeline.py — generators and closures: a lazy data pipeline built from
# generator functions, generator expressions, yield from, closures made by
# factories (counters, filters, accumulators), functools.reduce and sorted
# with key functions.
import functools
import itertools
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N = max(1000, int(300000 * SCALE))


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) & (2 ** 64 - 1)
        yield state >> 33


def take(n, it):
    for _, x in zip(range(n), it):
        yield x


def make_filter(mod, rem):
    def keep(x):
        return x % mod == rem
    return keep


def make_scaler(factor, offset):
    return lambda x: x * factor + offset


def make_counter():
    count = 0

    def incr(x):
        nonlocal count
        count += 1
        return x
    return incr, lambda: count


def stage_map(fn, it):
    for x in it:
        yield fn(x)


def stage_filter(pred, it):
    for x in it:
        if pred(x):
            yield x


def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_mean(it):
    total = 0
    for i, x in enumerate(it, 1):
        total += x
        yield total / i


def main():
    tick, count = make_counter()
    src = stage_map(tick, take(N, lcg(42)))
    pipeline = stage_map(make_scaler(3, 1), stage_filter(make_filter(3, 1), src))
    sums = [sum(c) % 1000003 for c in chunks(pipeline, 64)]
    print("items seen", count(), "chunks", len(sums), "checksum", functools.reduce(lambda a, b: (a * 31 + b) % 1000000007, sums, 7))
    nested = [[i, [i + 1, [i + 2]], i + 3] for i in range(N // 10)]
    print("flatten", sum(flatten(nested)))
    means = list(running_mean(x % 1000 for x in take(N // 2, lcg(7))))
    print("mean %.6f" % means[-1])
    words = ("w%d" % (x % 5000) for x in take(N // 3, lcg(99)))
    groups = itertools.groupby(sorted(words, key=lambda w: (len(w), w)), key=len)
    print("groups", [(k, sum(1 for _ in g)) for k, g in groups])
    sq = sum(x * x for x in range(N) if x & 1)
    print("odd squares", sq)


main()
