# frame.f_lineno = N at a line event of a compiled frame (--debuggable), for
# a line outside the function: refused with CPython's own messages ("comes
# before" / "comes after the current code block"), which its setter gives
# before looking at the code; jumps inside the function are trace_jump.py's
# (and tests/driver/run -k debuggable_jump's).
# pyc2c-options: --debuggable
import sys


def f(out):
    out.append(1)
    out.append(2)
    return out


def jumper(offset):
    def hook(frame, event, arg):
        if frame.f_code is f.__code__ and event == 'line' and not done:
            done.append(1)
            target = frame.f_code.co_firstlineno + offset
            try:
                frame.f_lineno = target
            except ValueError as e:
                print('  ValueError:', str(e).replace(str(target), 'N'))
        return hook
    done = []
    return hook


for offset in (-1, -5, 4, 100):
    print('jump to first line %+d' % offset)
    sys.settrace(jumper(offset))
    print(' ', f([]))
    sys.settrace(None)
