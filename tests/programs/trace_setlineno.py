# frame.f_lineno = N from a trace hook in a compiled frame: refused with
# CPython's messages at call and return events (compiled frames have no line
# events, the only ones a jump is allowed from); generators are in
# trace_setlineno_gen.py.
import sys

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
    if frame.f_code.co_name == 'f' and event in ('call', 'return'):
        try_jump(frame, event)
    return hook

sys.settrace(hook)
print(f())
sys.settrace(None)
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print('not tracing: ValueError:', e)
