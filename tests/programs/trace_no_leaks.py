# Traced and profiled compiled code releases what it owns: workloads run under
# sys.setprofile / sys.settrace (hooks that raise included) must not grow the
# memory tracemalloc sees between two equal batches.  (No class statement:
# CPython's own memory grows when classes are made under a profiler.)
import gc
import sys
import threading
import tracemalloc

count = 0
LOCK = threading.Lock()

def counting(frame, event, arg):
    global count
    count += 1
    return counting

class HookError(Exception):
    pass

def raising_at(bad_event):
    def hook(frame, event, arg):
        if event == bad_event:
            raise HookError(event)
        return hook
    return hook

def gen(n):
    try:
        for i in range(n):
            x = yield i
    finally:
        pass
    return n

def delegate():
    return (yield from gen(2))

def fails():
    return {}['k']

def body():
    g = gen(3)
    next(g)
    g.send(1)
    g.close()
    list(delegate())
    try:
        fails()
    except KeyError:
        pass
    max(*[1, 2])
    [].append(1)
    with LOCK:   # a builtin __exit__ (open()'s memory varies under PYTHONMALLOC=malloc)
        pass
    return [v for v in range(3)]

def under(setter, hook):
    setter(hook)
    try:
        body()
    except HookError:
        pass
    finally:
        setter(None)

WORKLOADS = [
    (sys.setprofile, counting), (sys.settrace, counting),
    (sys.setprofile, raising_at('call')), (sys.setprofile, raising_at('return')),
    (sys.setprofile, raising_at('c_call')), (sys.setprofile, raising_at('c_return')),
    (sys.settrace, raising_at('call')), (sys.settrace, raising_at('return')),
    (sys.settrace, raising_at('exception')),
]

def batch(setter, hook, n):
    for _ in range(n):
        under(setter, hook)
    gc.collect()
    return tracemalloc.get_traced_memory()[0]

tracemalloc.start()
for setter, hook in WORKLOADS:   # caches fill first
    batch(setter, hook, 30)
for setter, hook in WORKLOADS:
    m1 = batch(setter, hook, 200)
    m2 = batch(setter, hook, 200)
    # a reference leaked per run would be >= 200 * 28 bytes
    print(setter.__name__, 'grew' if m2 - m1 >= 2000 else 'steady')
tracemalloc.stop()
print(count > 0)
