# frame.f_lineno = N from a trace hook at a generator's call and return
# events: refused with CPython 3.11's messages (3.12+ and 3.10 jump at a yield).
# skip-on-python: 3.12 CPython 3.12.1 itself crashes (SIGSEGV) when a trace hook sets f_lineno at a generator's return event
# skip-on-python: 3.10 CPython 3.10 jumps at a generator's resumption and yield events (its frame is suspended); a compiled frame refuses every jump (docs/versions.md)
# skip-on-python: 3.13 CPython 3.13 jumps at a generator's yield (PY_YIELD) and resumes at the line jumped to; a compiled frame refuses with pyc2c's message (docs/versions.md; tests/driver/run -k generator_jump checks it)
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
