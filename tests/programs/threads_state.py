# Compiled functions running in several threads at once, switching often:
# each thread's frames (sys._getframe), handled exception (sys.exc_info),
# recursion and loop back edges use that thread's own state.  On 3.12 and
# 3.13 the runtime reads the running thread's state inline, at an offset it
# found from the thread pointer (runtime/compat/tstate312.h); a wrong offset
# would mix the threads' frames up or crash.
import sys
import threading

sys.setswitchinterval(1e-6)


def names_of_stack():
    f = sys._getframe(1)
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def down(n, tag):
    if n == 0:
        names = names_of_stack()
        return len(names), names[-4:], tag
    return down(n - 1, tag)


def count(i):
    total = 0
    for k in range(30000):
        total += k % (i + 2)
    return total


def handled(i):
    try:
        raise ValueError(i)
    except ValueError as e:
        for _ in range(1000):
            pass   # back edges: a switch may run another thread's handler
        return sys.exc_info()[1] is e and e.args == (i,)


def worker(i, results, barrier):
    barrier.wait()
    results[i] = (count(i), down(100 + i, i), handled(i), names_of_stack()[0])


def main():
    n = 6
    results = [None] * n
    barrier = threading.Barrier(n)
    threads = [threading.Thread(target=worker, args=(i, results, barrier)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        print(r)
    print(names_of_stack())


main()
