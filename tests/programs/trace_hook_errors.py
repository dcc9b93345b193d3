# Trace and profile hooks that raise at a call, return, c_call, c_return or
# exception event of compiled code: the error surfaces where CPython raises it.
import sys

class HookError(Exception):
    pass

def make_hook(bad_event, bad_name, log):
    def hook(frame, event, arg):
        name = frame.f_code.co_name
        if event.startswith('c_'):
            name = getattr(arg, '__name__', '?')
        if event != 'line':   # compiled code reports no line events
            log.append('%s:%s' % (event, name))
        if event == bad_event and name == bad_name:
            raise HookError('%s %s' % (event, name))
        return hook
    return hook

def target(x):
    try:
        return x + 1
    finally:
        print('  finally of target ran')

def gen():
    try:
        yield 1
        yield 2
    finally:
        print('  finally of gen ran')

def run_gen():
    g = gen()
    first = next(g)
    second = next(g)
    return first, second

def run_builtin():
    return len([1, 2])

def run_class():
    class Inner:
        pass
    return Inner

def check(setter, event, name, func):
    log = []
    setter(make_hook(event, name, log))
    try:
        result = func()
    except HookError as e:
        result = 'HookError(%s)' % e
    finally:
        setter(None)
    print(setter.__name__, event, name, '->', result if not isinstance(result, type) else result.__name__)
    print('  ' + ' '.join(log))

for setter in (sys.setprofile, sys.settrace):
    check(setter, 'call', 'target', lambda: target(1))
    check(setter, 'return', 'target', lambda: target(1))
    check(setter, 'call', 'gen', run_gen)
    check(setter, 'return', 'gen', run_gen)
    check(setter, 'call', 'Inner', run_class)
check(sys.setprofile, 'c_call', 'len', run_builtin)
check(sys.setprofile, 'c_return', 'len', run_builtin)
check(sys.settrace, 'exception', 'target', lambda: target(None))
