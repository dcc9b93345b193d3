# sys.setprofile sees compiled code: call/return of functions, generators
# (each resume), comprehensions, lambdas, class bodies; c_call/c_return of
# builtins, method descriptors, *args calls, __build_class__, with's __exit__.
import sys

events = []

def hook(frame, event, arg):
    name = frame.f_code.co_name
    if event.startswith('c_'):
        desc = getattr(arg, '__qualname__', repr(arg))
        events.append((event, name, desc))
    elif event == 'return':
        events.append((event, name, repr(arg)))
    else:
        events.append((event, name))

def add(a, b):
    return a + b

def fails():
    raise KeyError('k')

def gen(n):
    for i in range(n):
        yield i * 10
    return 'end'

class C:
    def m(self, x):
        return [x] * 2

def main():
    add(1, 2)
    try:
        fails()
    except KeyError:
        pass
    out = list(gen(2))
    c = C()
    c.m(3)
    len(out)
    out.append(5)
    g = gen(1)
    next(g)
    g.close()
    sq = [v * v for v in out]
    f = lambda: 7
    f()
    with open(__file__) as fh:
        pass
    max(*out)
    sorted(out, **{'reverse': True})
    list.append(*[out, 1])
    try:
        list.append(*[])
    except TypeError:
        pass
    try:
        list.append(7, 1)
    except TypeError:
        pass
    try:
        int('x')
    except ValueError:
        pass
    class Local(C):
        pass
    Local().m(1)
    getattr(out, 'copy')()
    return sq

sys.setprofile(hook)
main()
sys.setprofile(None)
for e in events:
    print(*e)
