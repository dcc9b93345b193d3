# Small methods (one `return` of attributes, `not`/`and`/`or`, `is`, small
# int comparisons) computed at their call sites without the call
# (src/cgen/inline.c).  Every case where that copy must give up for the
# real call: another function under the name, a property, a value whose
# truth or comparison runs code, a big int, a float, a missing attribute,
# a hook watching calls, the recursion limit; and the order in which the
# arguments die.
import sys


class Task:
    def __init__(self, holding, pending, waiting):
        self.task_holding = holding
        self.packet_pending = pending
        self.task_waiting = waiting
        self.n = 3
        self.link = None

    def holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding

    def below(self, k):
        return self.n < k

    def pick(self, a, b):
        return a if self.link is None else b

    def same(self, other):
        return self.link is other.link

    def linked(self):
        return self.link is not None

    def chain(self):
        return self.link.link.n


class Quiet(Task):
    def holding_or_waiting(self):
        return "quiet"


class Loud:
    def __init__(self):
        self.calls = 0

    def __bool__(self):
        self.calls += 1
        print("  __bool__ of Loud")
        return False


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("  __lt__ of Num")
        return self.v < other


class WithProperty(Task):
    @property
    def task_holding(self):
        print("  property task_holding")
        return False

    @task_holding.setter
    def task_holding(self, value):
        pass


def show(t):
    return (t.holding_or_waiting(), t.waiting_with_packet(), t.below(2), t.below(5),
            t.pick(1, 2), t.linked())


tasks = [Task(h, p, w) for h in (True, False) for p in (True, False) for w in (True, False)]
tasks += [Task(1, [], "x"), Task(0, [0], ""), Task(None, {}, ()), Quiet(True, False, True)]
for t in tasks:
    print(type(t).__name__, show(t))

t = Task(False, False, True)
t.link = Task(True, True, True)
t.link.link = Task(False, False, False)
print("chain", t.chain(), t.same(t), t.same(t.link), t.pick("a", "b"))

print("-- truth and comparisons that run code")
t = Task(False, Loud(), True)
print(t.holding_or_waiting(), t.packet_pending.calls)
t.n = Num(1)
print(t.below(5))
t.n = 2 ** 70
print(t.below(5), t.below(2 ** 71))
t.n = 2.5
print(t.below(5), t.below(2))
t.n = -3
print(t.below(-2), t.below(-3))

print("-- properties, deleted attributes, replaced methods")
w = WithProperty(True, False, False)
print(w.holding_or_waiting())
t = Task(True, False, False)
del t.task_holding
try:
    t.holding_or_waiting()
except AttributeError as e:
    print("AttributeError:", e)
t.task_holding = False
print(t.holding_or_waiting())
t.holding_or_waiting = lambda: "instance says"
print(t.holding_or_waiting())
del t.holding_or_waiting
print(t.holding_or_waiting())
Task.holding_or_waiting = lambda self: "patched"
print(t.holding_or_waiting(), Quiet(1, 1, 1).holding_or_waiting())
print(Task.below(t, 7), Task.linked(t))

print("-- a hook sees the calls")
events = []


def profile(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name in ("below", "linked"):
        events.append((event, frame.f_code.co_name))


t = Task(True, True, True)
sys.setprofile(profile)
t.below(9)
t.linked()
sys.setprofile(None)
print(events)

print("-- at the recursion limit")


def deep_plain(n, t):
    if n == 0:
        return None
    return deep_plain(n - 1, t)


def deep(n, t):
    if n == 0:
        return t.linked()   # one frame more than deep_plain needs
    return deep(n - 1, t)


def first_failing(f):
    depth = 0
    while True:
        try:
            f(depth, t)
        except RecursionError:
            return depth
        depth += 1


limit = sys.getrecursionlimit()
sys.setrecursionlimit(150)
print("frames the method call takes:", first_failing(deep_plain) - first_failing(deep))
sys.setrecursionlimit(limit)

print("-- the order in which the arguments die")


class Noisy:
    def __init__(self, name):
        self.name = name
        self.link = None

    def __del__(self):
        print("  del", self.name, "at line", sys._getframe(1).f_lineno)


def arguments_die():
    t = Task(True, True, True)
    r = t.pick(Noisy("a"), Noisy("b"))
    print("picked", r.name)
    print(Task.same(Noisy("c"), Noisy("d")))


arguments_die()
