# A debugger's jump to a line that 3.11 keeps only as the cleanup of a
# finally block's exceptional copy (COPY 3, POP_EXCEPT, RERAISE 1, at the
# line of the block's last statement), which starts a line where the
# copy's code before it is unreachable (after a `return` in the finally
# block): 3.11 refuses with "can't jump into an 'except' block as there's
# no exception", and so does compiled code, which has no code there
# (docs/runtime.md, "Jumps").  test_sys_settrace's
# test_no_jump_over_return_try_finally_in_finally_block.
# pyc2c-options: --debuggable
# skip-on-python: 3.10 jumps are refused there (pyc2c's message): 3.10's setter has other rules
# skip-on-python: 3.12 jumps are refused there (pyc2c's message): 3.12's stacks differ
# skip-on-python: 3.13 jumps are refused there (pyc2c's message): 3.13's stacks differ
import sys


class Jumper:
    """Jumps once from line `frm` to line `to` of func (both relative to its
    def line), printing the setter's ValueError if it refuses."""

    def __init__(self, func, frm, to):
        self.code = func.__code__
        self.frm = self.code.co_firstlineno + frm
        self.to = self.code.co_firstlineno + to
        self.done = False

    def trace(self, frame, event, arg):
        if self.done:
            return None
        if event == 'line' and frame.f_code is self.code and frame.f_lineno == self.frm:
            self.done = True
            try:
                frame.f_lineno = self.to
            except ValueError as e:
                print('  ValueError:', e)
        return self.trace


def run(func, frm, to):
    out = []
    sys.settrace(Jumper(func, frm, to).trace)
    try:
        out.append(('returned', func(out)))
    except Exception as e:
        out.append(('raised', type(e).__name__))
    sys.settrace(None)
    print(func.__name__, frm, to, out)


def return_in_finally(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        output.append(5)
        return
        try:
            output.append(8)
        finally:
            output.append(10)
        pass
    output.append(12)

run(return_in_finally, 5, 11)    # the cleanup's line: refused as in 3.11
run(return_in_finally, 5, 8)     # the first line start from 8 is the same
run(return_in_finally, 5, 12)    # after it: none
run(return_in_finally, 2, 5)     # the finally block's own lines jump
run(return_in_finally, 5, 4)


def return_last(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        return 5
    output.append(7)

run(return_last, 4, 5)           # the cleanup shares the return's line
run(return_last, 4, 7)


def live_finally(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        output.append(5)
    output.append(6)

run(live_finally, 2, 5)          # the cleanup shares line 5: no start of its own
run(live_finally, 4, 6)


def raise_in_finally(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        raise KeyError(5)
        output.append(6)
    output.append(7)

run(raise_in_finally, 4, 6)
run(raise_in_finally, 4, 7)


def raise_then_assign(output):
    try:
        output.append(2)
    finally:
        output.append(4)
        raise KeyError(5)
        x = 6
    output.append(7)

run(raise_then_assign, 4, 6)     # the cleanup at the assignment's line


def break_then_pass(output):
    for i in range(2):
        try:
            output.append(3)
        finally:
            output.append(5)
            break
            pass
    output.append(9)

run(break_then_pass, 5, 8)
run(break_then_pass, 3, 9)
