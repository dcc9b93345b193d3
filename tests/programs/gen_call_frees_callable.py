# A call takes its callable and arguments from temporaries; in a generator
# those are slots of its frame, which the collector walks.  The callee may
# free what it took while it runs (a fresh bound method is unpacked and
# released first), so the slots must be emptied before the call, not after:
# a gc.collect() inside the callee then visited freed memory (3.13.0's
# test_finalization died with SIGSEGV; valgrind shows it on every version).
import gc


class K:
    def m(self, *args):
        gc.collect()
        return len(args)


def produce(obj):
    for i in range(3):
        yield getattr(obj, "m")()
        yield getattr(obj, "m")([i], {i: i})


def consume(obj):
    total = 0
    for v in produce(obj):
        total += v
    return total


print(list(produce(K())))
print(consume(K()))
