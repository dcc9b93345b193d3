# A debugger's jump at a generator's yield (frame.f_lineno = N at the
# yield's return event, or in the suspended generator's frame from another
# frame's line event), which 3.11 allows at a suspended frame: compiled
# --debuggable, the jump is kept pending and taken when the generator
# resumes; a throw() or close() then raises at the target, with the
# target's handlers, as in 3.11 (docs/runtime.md, "Jumps").  Only throw()
# and close() resume a generator after such a jump here: 3.11 resumed by
# send() goes on after the target's first instruction, with the value sent
# in its place (or crashes), which no program can rely on.
# pyc2c-options: --debuggable
# skip-on-python: 3.10 jumps are refused there (pyc2c's message): 3.10's setter has other rules
# skip-on-python: 3.12 jumps are refused there (pyc2c's message): 3.12's stacks differ
# skip-on-python: 3.13 jumps are refused there (pyc2c's message): 3.13's stacks differ
import sys
import weakref


class Jumper:
    """At the return event of func's frame at line `frm` (relative to its
    def line), sets f_lineno to `to`, once; prints func's events."""

    def __init__(self, func, frm, to, event='return'):
        self.code = func.__code__
        self.first = self.code.co_firstlineno
        self.frm, self.to, self.event = frm, to, event
        self.done = False

    def trace(self, frame, event, arg):
        if frame.f_code is not self.code:
            return self.trace
        print('  %s %d' % (event, frame.f_lineno - self.first))
        if not self.done and event == self.event and frame.f_lineno == self.first + self.frm:
            self.done = True
            try:
                frame.f_lineno = self.first + self.to
                print('  jumped to', frame.f_lineno - self.first)
            except ValueError as e:
                print('  ValueError:', e)
        return self.trace


def tb_lines(e, code):
    tb, lines = e.__traceback__, []
    while tb is not None:
        if tb.tb_frame.f_code is code:
            lines.append(tb.tb_lineno - code.co_firstlineno)
        tb = tb.tb_next
    return lines


def run(func, frm, to, then, event='return'):
    """Runs func's generator to its first yield with the jumper on, then
    throws `then` into it (None: drops it, which closes it)."""
    out = []
    sys.settrace(Jumper(func, frm, to, event).trace)
    g = func(out)
    try:
        out.append(('yielded', next(g)))
        if then is None:
            del g
        else:
            try:
                out.append(('yielded', g.throw(then)))
            except Exception as e:
                out.append((type(e).__name__, tb_lines(e, func.__code__)))
            g.close()
    except Exception as e:
        out.append(('raised', type(e).__name__, str(e)))
    sys.settrace(None)
    print(func.__name__, frm, to, out)


# test_sys_settrace's test_jump_from_yield
def from_yield(output):
    output.append(2)
    yield 3

run(from_yield, 2, 1, None)


def into_try(output):
    output.append(1)
    try:
        output.append(3)
    except KeyError as e:
        output.append(('caught', e.args))
        yield 'after'
    yield 7

run(into_try, 7, 3, KeyError('k'))    # raised at 3, caught at 4
run(into_try, 7, 1, KeyError('k'))    # raised at 1: no handler
run(into_try, 7, 5, KeyError('k'))    # into the except block: refused


class Noisy:
    def __init__(self, items):
        self.items = iter(items)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.items)


refs = []


def out_of_loop(output):
    output.append(1)
    it = Noisy(range(3))
    refs.append(weakref.ref(it))
    for i in it:
        del it
        output.append(('i', i))
        yield i
    try:
        output.append(10)
    finally:
        output.append(12)

run(out_of_loop, 7, 9, ValueError('v'))    # the loop's iterator released
print('iterator released:', refs[-1]() is None)
run(out_of_loop, 7, 11, None)              # closed at 11, the finally block's
print('iterator released:', refs[-1]() is None)
run(out_of_loop, 7, 6, RuntimeError('r'))  # within the loop's body
print('iterator released:', refs[-1]() is None)
run(out_of_loop, 7, 12, None)              # after the last line: refused
run(out_of_loop, 7, -1, None)              # before the first: refused


def into_loop(output):
    for i in range(2):
        output.append(i)
    yield 4

run(into_loop, 3, 2, None)                 # into a for loop's body: refused


class Counted:
    def meth(self, x):
        return x


counted = Counted()


def mid_statement(output):
    output.append(1)
    output.append(counted.meth((yield 3)))

before = sys.getrefcount(counted)
run(mid_statement, 2, 1, KeyError('m'))    # the call's values dropped
print('references back:', sys.getrefcount(counted) == before)


def closing(output):
    try:
        output.append(2)
    finally:
        output.append(4)
    try:
        yield 6
    finally:
        output.append(8)

run(closing, 6, 2, None)                   # closed at 2, in the first try


def two_yields(output):
    output.append(1)
    yield 2
    output.append(3)
    yield 4

run(two_yields, 2, 3, KeyError('x'))


# A generator with no local variable and nothing on its stack at the
# yield reads as cleared in 3.11 (its stack pointer is 0): no jump there.
def bare():
    print('bare 1')
    yield 2


def bare_mid():
    print('bare_mid 1')
    print((yield 2))


def run_bare(func):
    sys.settrace(Jumper(func, 2, 1).trace)
    g = func()
    try:
        next(g)
        g.close()
    except Exception as e:
        print('  raised', type(e).__name__, e)
    sys.settrace(None)

run_bare(bare)       # refused: "can only jump from a 'line' trace event"
run_bare(bare_mid)   # print and its NULL on the stack: it jumps


# From another frame's line event: the suspended generator's frame jumps.
def suspended(output):
    output.append(1)
    try:
        output.append(3)
    except ValueError:
        output.append(5)
    yield 6


def other_frame_jump():
    code = suspended.__code__
    out, events, gens = [], [], []

    def hook(frame, event, arg):
        if frame.f_code is code:
            events.append((event, frame.f_lineno - code.co_firstlineno))
        elif frame.f_code is other_frame_jump.__code__ and event == 'line' and gens:
            g = gens.pop()
            try:
                g.gi_frame.f_lineno = code.co_firstlineno + 3
                events.append(('jumped', g.gi_frame.f_lineno - code.co_firstlineno))
            except ValueError as e:
                events.append(('ValueError', str(e)))
        return hook

    g = suspended(out)
    sys.settrace(hook)
    sys._getframe().f_trace = hook   # this frame's line events too
    next(g)
    gens.append(g)
    try:
        g.throw(ValueError('w'))
    except StopIteration:
        events.append('stopped')
    sys.settrace(None)
    print('other frame', out, events)

other_frame_jump()
