# Deep recursion (docs/runtime.md, "Deep recursion"): with the recursion
# limit raised, compiled code recurses as deep as CPython 3.11 does (run as
# a program: its main thread has a big stack); recursion without end raises
# RecursionError, never a crash, also on threads with small stacks, through
# generators and coroutines, and when imported as an extension by python3
# on its 8 MiB main thread (where the C stack guard raises it first).
# skip-on-python: 3.10 CPython 3.10 itself crashes (SIGSEGV) recursing without end on a 256 KiB thread stack (its Python calls recurse in C)
# skip-on-python: 3.13 CPython 3.13.0 itself crashes (SIGSEGV) recursing without end on a 256 KiB thread stack (thread_small), where the compiled program raises RecursionError
import os
import signal
import sys
import threading
import time


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def forever(n):
    return forever(n + 1) + 1


def forever_kw(n, *, step=1):
    return forever_kw(n + step, step=step)


class Node:
    def __init__(self, n):
        self.child = Node(n + 1) if n < 10 ** 9 else None


def sum_list(xs):
    if not xs:
        return 0
    return xs[0] + sum_list(xs[1:])


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


def catch(fn, *args):
    """Runs fn(*args), prints what RecursionError it raised."""
    try:
        fn(*args)
    except RecursionError as e:
        print(fn.__name__, type(e).__name__, e)
        return e
    print(fn.__name__, "returned")


# ---- with the default limit: the same everywhere ------------------------------
print(depth(500), sum_list(list(range(300))))
catch(forever, 0)
catch(forever_kw, 0)
catch(Node, 0)
catch(mutual_a, 0)
# after the error, calls work again at full depth
print(depth(900))


# ---- generators and coroutines recursing --------------------------------------
def gen_chain(n):
    if n == 0:
        yield "bottom"
    else:
        yield from gen_chain(n - 1)


def gen_forever(n):
    yield from gen_forever(n + 1)


print(list(gen_chain(300)))
catch(lambda: list(gen_forever(0)))


async def coro_chain(n):
    if n == 0:
        return "awaited"
    return await coro_chain(n - 1)


async def coro_forever(n):
    return await coro_forever(n + 1)


def run_coro(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


print(run_coro(coro_chain(300)))
catch(run_coro, coro_forever(0))


def recursing_gen_body(n):
    # a generator whose body calls functions that recurse
    yield depth(n)
    yield catch(forever, 0) is not None


print(list(recursing_gen_body(400)))


# ---- threads: a big stack recurses deep, a small one raises ----------------------
def thread_deep(out):
    sys.setrecursionlimit(60000)
    out.append(depth(50000))
    out.append(catch(forever, 0) is not None)


def thread_small(out):
    out.append(catch(forever, 0) is not None)
    out.append(depth(50))


for size, target in ((64 << 20, thread_deep), (256 << 10, thread_small)):
    threading.stack_size(size)
    out = []
    t = threading.Thread(target=target, args=(out,))
    t.start()
    t.join()
    print(target.__name__, out)
threading.stack_size(0)
sys.setrecursionlimit(1000)


# ---- the program's main thread --------------------------------------------------
print(threading.current_thread() is threading.main_thread(),
      threading.current_thread().name)
got = []
signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.01)
print("SIGUSR1 handled", got == [signal.SIGUSR1])


try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")

if __name__ == "__main__":
    # As a program: as deep as CPython 3.11 goes (Python-to-Python calls
    # take no C stack there).  Imported by python3, a compiled module runs
    # on python3's 8 MiB stack and cannot go this deep.
    sys.setrecursionlimit(200000)
    print(depth(150000))
    print(run_coro(coro_chain(3000)))
    catch(forever, 0)
    catch(mutual_a, 0)
    print(depth(199000))
    sys.setrecursionlimit(1000)

else:
    # Imported: on python3's own main thread, the C stack guard raises
    # RecursionError where CPython reaches the raised limit; no crash.
    sys.setrecursionlimit(200000)
    catch(forever, 0)
    catch(mutual_a, 0)
    catch(forever_kw, 0)
    print(depth(5000))
    sys.setrecursionlimit(1000)

# ---- uncaught: the traceback shape, "[Previous line repeated N more times]" --
forever(0)
