# pdb driven through its stdin over compiled code (--debuggable): a
# breakpoint inside a compiled function, next, step into a call, print,
# where, list, until a return, continue to the next hit, a conditional
# breakpoint, clear, and a set_trace() inside a compiled function.
# pyc2c-options: --debuggable
import io
import pdb
import sys


def helper(v):
    w = v * 2
    if w > 2:
        w -= 1
    return w + 1


def work(n):
    total = 0
    for i in range(n):
        total += helper(i)
    label = 'total=%d' % total
    return label


def gen_work(n):
    for i in range(n):
        yield i * i


def uses_gen():
    out = []
    for sq in gen_work(3):
        out.append(sq)
    return out


def paused(x):
    y = x + 1
    dbg = pdb.Pdb(stdin=io.StringIO(PAUSED_COMMANDS), stdout=sys.stdout,
                  nosigint=True, readrc=False)
    dbg.set_trace()
    z = y * 2
    try:
        raise ValueError(z)
    except ValueError as e:
        z = -z
    return z


def line_of(text):
    with open(__file__) as f:
        for number, line in enumerate(f, 1):
            if text in line and 'line_of' not in line:
                return number
    raise LookupError(text)


def session(commands, breaks, fn, *args):
    dbg = pdb.Pdb(stdin=io.StringIO(commands), stdout=sys.stdout, nosigint=True,
                  readrc=False)
    for text, cond in breaks:
        err = dbg.set_break(__file__, line_of(text), cond=cond)
        if err:
            print('set_break:', err)
    result = dbg.runcall(fn, *args)
    print('result:', result)
    dbg.clear_all_breaks()
    sys.settrace(None)


session('''\
c
p n, i, total
s
n
n
p v, w
w
l
r
p __return__
n
p total
c
p i, total
cl 1
c
''', [('total += helper(i)', None)], work, 3)

session('''\
c
p i
c
p total
c
''', [('total += helper(i)', 'i == 2'), ('label = ', None)], work, 4)

session('''\
c
p out
n
s
n
n
p i
u
p sq, out
d
c
''', [('out.append(sq)', None)], uses_gen)

PAUSED_COMMANDS = '''\
p y
n
p z
n
n
n
n
p e
c
'''
print('paused:', paused(4))
