# The cyclic GC runs while compiled loops allocate: 3.12 schedules it
# through the eval breaker (compiled back edges must run it and clear the
# request); 3.11 collects inside the allocation.  Unreachable cycles made in
# a loop are collected on the way, generation 0 first.
import gc

starts = []


def on_gc(phase, info):
    if phase == "start":
        starts.append(info["generation"])


class Node:
    pass


def churn(n):
    for _ in range(n):
        a = Node()
        a.self = a
    return n


gc.callbacks.append(on_gc)
churn(100000)
gc.callbacks.remove(on_gc)
print(len(starts) > 10, 0 in starts, max(gc.get_count()) < 10000)
