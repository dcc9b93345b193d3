# frame.f_lineno = N from a trace hook in a compiled frame: refused with
# CPython's messages at call and return events (compiled frames have no line
# events, the only ones a jump is allowed from), generators included.
# skip-on-python: 3.12 CPython 3.12.1 itself crashes (SIGSEGV) when a trace hook sets f_lineno at a generator's return event
import sys

def gen():
    yield 1
    yield 2

def f():
    x = len('ab')
    return x

def try_jump(frame, event):
    try:
        frame.f_lineno = frame.f_code.co_firstlineno + 1
        print(event, frame.f_code.co_name, 'jumped')
    except ValueError as e:
        print(event, frame.f_code.co_name, 'ValueError:', e)

def hook(frame, event, arg):
    if frame.f_code.co_name in ('gen', 'f') and event in ('call', 'return'):
        try_jump(frame, event)
    return hook

sys.settrace(hook)
g = gen()
print(next(g), next(g))
print(f())
sys.settrace(None)
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print('not tracing: ValueError:', e)
