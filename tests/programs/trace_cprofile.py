# cProfile over compiled functions: call counts (primitive and recursive)
# and callers as pstats reports them; timings are not printed.
import cProfile
import os
import pstats

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def squares(n):
    for i in range(n):
        yield i * i

class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)

def work():
    acc = Acc()
    for v in squares(5):
        acc.add(v)
    fib(6)
    return sorted(acc.items, key=lambda v: -v), max(acc.items)

prof = cProfile.Profile()
prof.enable()
work()
prof.disable()
stats = pstats.Stats(prof).stats
here = os.path.basename(__file__)

def label(key):
    filename, line, name = key
    if filename == '~':
        return name
    return '%s:%d(%s)' % (os.path.basename(filename), line, name)

for key in sorted(stats, key=label):
    cc, nc, tt, ct, callers = stats[key]
    print(label(key), 'calls=%d primitive=%d' % (nc, cc),
          'callers=' + ','.join('%s*%d' % (label(c), v[0]) for c, v in sorted(callers.items(), key=lambda i: label(i[0]))))
