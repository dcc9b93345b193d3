# A debugger's jump (frame.f_lineno = N in a trace hook's 'line' event) in
# code compiled --debuggable: performed where 3.11 performs it, with what it
# pops released as CPython releases it (a for loop's iterator, a with's
# __exit__ dropped uncalled, a handler's saved exception restored), and
# refused with 3.11's messages where it refuses (docs/runtime.md, "Jumps").
# The cases follow test_sys_settrace's JumpTestCase.
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
        func(out)
    except Exception as e:
        print('  raised', type(e).__name__, e)
    sys.settrace(None)
    print(func.__name__, frm, to, out)


class Noisy:
    """An iterable whose iterator says when it is finalized."""

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return NoisyIter(self.items)


class NoisyIter:
    def __init__(self, items):
        self.it = iter(items)

    def __next__(self):
        return next(self.it)

    def __del__(self):
        print('  iterator finalized')


class Context:
    def __init__(self, out, v):
        self.out, self.v = out, v

    def __enter__(self):
        self.out.append(self.v)

    def __exit__(self, *exc):
        self.out.append(-self.v)


def straight(out):
    out.append(1)
    out.append(2)
    # a line with no code
    out.append(4)


def loops(out):
    for i in 1, 2:
        out.append(2)
        for j in Noisy([3]):
            out.append(4)
            print('  in the loop')
    out.append(6)


def while_loop(out):
    i = 1
    while i <= 2:
        out.append(3)
        i += 1
    out.append(5)


def branches(out):
    out.append(1)
    if not out:
        out.append(3)
    else:
        out.append(5)
    out.append(6)


def withs(out):
    out.append(1)
    with Context(out, 2):
        out.append(3)
    out.append(4)


def nested_withs(out):
    with Context(out, 1):
        with Context(out, 2):
            out.append(3)
            out.append(4)
        out.append(5)
    out.append(6)


def handlers(out):
    out.append(1)
    try:
        1 / 0
    except ZeroDivisionError as e:
        out.append(5)
        out.append(6)
    except ValueError:
        out.append(8)
    out.append((sys.exc_info()[0], repr(e)))


def finally_block(out):
    try:
        out.append(2)
    finally:
        out.append(4)
    out.append(5)


def unbound(out):
    x = 1
    out.append(x)


def after_return(out):
    out.append(1)
    if out:
        return
    out.append(4)


def finally_returns(out):
    try:
        out.append(2)
    finally:
        out.append(4)
        out.append(5)
        return
    out.append(7)


def match_case(out):
    out.append(1)
    match out:
        case [1, 2]:
            out.append(4)
        case [1]:
            out.append(6)
        case _:
            out.append(8)
    out.append(9)


def over_comprehension(out):
    out.append(1)
    x = [i for i in range(3)]
    out.append(x)


print('straight')
run(straight, 1, 4)        # forward
run(straight, 2, 1)        # backward
run(straight, 2, 2)        # the same line
run(straight, 1, 3)        # a line with no code: the next line with code
run(straight, 2, 9)        # after the function
print('for loops')
run(loops, 4, 6)           # out of two loops, the inner iterator released
run(loops, 4, 2)           # out of the inner loop, into the outer one's body
run(loops, 6, 2)           # into a loop's body: refused
run(loops, 5, 1)           # back to the outer for: a fresh loop
print('while loops and ifs')
run(while_loop, 5, 3)      # into a while loop's body
run(while_loop, 3, 5)      # out of it
run(branches, 1, 5)        # into an else block
run(branches, 1, 3)        # into an if body
print('with')
run(withs, 3, 4)           # out of the body: __exit__ not called
run(withs, 3, 1)           # backward out of it
run(withs, 1, 3)           # into the body: refused
run(nested_withs, 3, 5)    # out of the inner body into the outer one's
run(nested_withs, 4, 3)    # backward inside a body
print('try/except')
run(handlers, 5, 9)        # out of a handler: the exception handled before is back
run(handlers, 5, 8)        # into the next handler of the same try
run(handlers, 1, 5)        # into a handler: refused
run(handlers, 1, 4)        # onto an except line: refused
run(handlers, 1, 3)        # into the try body
print('try/finally')
run(finally_block, 2, 5)   # out of the try body, over the finally
run(finally_block, 1, 4)   # into the finally (its normal copy)
run(finally_block, 4, 1)   # out of the finally
print('others')
run(unbound, 1, 2)         # over an assignment: UnboundLocalError
run(after_return, 1, 4)    # over a return that did not run
run(finally_returns, 5, 7) # into code after a finally that returns: removed
run(match_case, 6, 9)      # out of a case body
run(match_case, 6, 8)      # into a later case's body (no temporary lives there)
run(match_case, 4, 1)      # backward over the match
run(over_comprehension, 3, 1)
run(over_comprehension, 1, 3)
