# sys.settrace sees compiled code: call, return and exception events, the
# local trace function returned by the global one, generators with send,
# throw and yield from, class bodies.  (No line events: docs/runtime.md.)
import sys

log = []

def show(value):
    text = repr(value)
    return '<%s object>' % type(value).__name__ if ' at 0x' in text else text

def local(frame, event, arg):
    if event == 'exception':
        log.append(('local', event, frame.f_code.co_name, arg[0].__name__, str(arg[1])))
    elif event == 'line':
        pass
    else:
        log.append(('local', event, frame.f_code.co_name, show(arg)))
    return local

def glob(frame, event, arg):
    log.append(('global', event, frame.f_code.co_name, show(arg)))
    return local if frame.f_code.co_name != 'untraced' else None

def untraced():
    return 1

def raises(n):
    if n:
        return 1 // 0
    return n

def catches():
    try:
        raises(1)
    except ZeroDivisionError as e:
        return type(e).__name__

def gen():
    x = yield 1
    try:
        yield x
    except ValueError:
        yield 'caught'

def delegating():
    r = yield from gen()
    return r

def iterate():
    return [v for v in delegating()]

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

def returns_value():
    yield 1
    return 'value'

def loops():
    total = 0
    for v in Countdown(2):
        total += v
    for v in returns_value():
        total += v
    return total

def main():
    untraced()
    loops()
    catches()
    g = gen()
    next(g)
    g.send('sent')
    g.throw(ValueError)
    iterate()
    class K:
        attr = 1
        def meth(self):
            return self.attr
    K().meth()
    try:
        raises(2)
    except ZeroDivisionError:
        pass
    return 'done'

sys.settrace(glob)
main()
sys.settrace(None)
for e in log:
    print(*e)
