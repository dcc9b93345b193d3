# A debugger's jump from the middle of a statement spread over several
# lines (a line event at an operand's line), in code compiled --debuggable:
# 3.11 pops the statement's values and jumps where their kinds allow (the
# NULL and callee a call keeps below its arguments make "incompatible
# stacks" where objects are expected); compiled code releases the
# statement's expression temporaries (docs/runtime.md, "Jumps").  The cases
# follow test_sys_settrace's test_jump_with_null_on_stack_* and
# test_jump_extended_args_unpack_ex_tricky.
# pyc2c-options: --debuggable
# skip-on-python: 3.10 jumps are refused there (pyc2c's message): 3.10's setter has other rules
# skip-on-python: 3.12 jumps are refused there (pyc2c's message): 3.12's stacks differ
# skip-on-python: 3.13 jumps are refused there (pyc2c's message): 3.13's stacks differ
import sys

class Jumper:
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


def load_global(output):
    a = 1
    print(
        output.append(3)
    )
    output.append(5)
    (
        ( # 7
            a
            +
            10
        )
        +
        13
    )
    output.append(15)


def push_null(output):
    a = 1
    f = print
    f(
        output.append(4)
    )
    output.append(6)
    (
        ( # 8
            a
            +
            11
        )
        +
        14
    )
    output.append(16)


def load_attr(output):
    a = 1
    list.append(
        output, 3
    )
    output.append(5)
    (
        ( # 7
            a
            +
            10
        )
        +
        13
    )
    output.append(15)


def args(output):
    a = 1
    print(a,
        output.append(3)
    )
    output.append(5)


run(load_global, 3, 7)   # into a line whose code expects objects: refused
run(push_null, 4, 8)
run(load_attr, 3, 7)
run(load_global, 3, 5)   # out of the call's arguments: its values released
run(load_global, 3, 1)
run(push_null, 4, 6)
run(args, 3, 5)
run(args, 3, 1)
run(args, 3, 2)


def unpack(output):
    output.append(1)
    (
        _, *_, _
    ) = output.append(4) or "Spam"
    output.append(5)


def nested_calls(output):
    output.append(1)
    output.append(
        len(
            str(output)
        )
    )
    output.append(7)


def in_loop(output):
    for i in [1, 2]:
        output.append(
            i
        )
    output.append(5)

run(unpack, 3, 4)        # from the unpacking's targets back to its value
run(unpack, 4, 1)
run(nested_calls, 4, 1)
run(nested_calls, 3, 7)
run(nested_calls, 4, 2)
run(in_loop, 3, 5)
run(in_loop, 3, 1)
run(in_loop, 3, 2)


class Noisy:
    def __repr__(self):
        return 'Noisy()'

    def __del__(self):
        print('  argument finalized')


def release(output):
    output.append(1)
    output.extend([Noisy(),
                   output.append(3)])
    output.append(4)


run(release, 3, 4)           # the evaluated argument is released by the jump
run(release, 3, 1)
