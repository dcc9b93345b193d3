# frame.f_lineno = N from a trace hook at a generator's call and return
# events: refused with CPython's messages (3.11, 3.13: no jump from there).
# skip-on-python: 3.12 CPython 3.12.1 itself crashes (SIGSEGV) when a trace hook sets f_lineno at a generator's return event
# skip-on-python: 3.10 CPython 3.10 jumps at a generator's resumption and yield events (its frame is suspended); a compiled frame refuses every jump (docs/versions.md)
import sys

def gen():
    yield 1
    yield 2

def try_jump(frame, event):
    try:
        frame.f_lineno = frame.f_code.co_firstlineno + 1
        print(event, frame.f_code.co_name, 'jumped')
    except ValueError as e:
        print(event, frame.f_code.co_name, 'ValueError:', e)

def hook(frame, event, arg):
    if frame.f_code.co_name == 'gen' and event in ('call', 'return'):
        try_jump(frame, event)
    return hook

sys.settrace(hook)
g = gen()
print(next(g), next(g))
sys.settrace(None)
