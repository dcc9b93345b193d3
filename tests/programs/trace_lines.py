# sys.settrace line events of compiled code (--debuggable): the (function,
# event, line) log of loops, try/except/finally, with, generators,
# comprehensions, lambdas, class bodies, closures, exceptions leaving frames,
# f_trace_lines, local trace functions, a hook raising at a line event,
# tracing started inside a running function, f_lineno seen by __del__.
# pyc2c-options: --debuggable
import sys

FIRST = sys._getframe().f_lineno   # lines are printed relative to this one


def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    else:
        total += 100
    k = 0
    while k < n:
        k += 1
        if k == 2:
            break
    while True:
        k -= 1
        if k <= 0: break
    for a, b in [(1, 2)]: total += a + b
    return total


def handlers(x):
    try:
        y = 10 // x
    except ZeroDivisionError:
        y = -1
    except (TypeError, ValueError) as e:
        y = -2
        del e
    else:
        y += 1
    finally:
        y *= 2
    try:
        try:
            raise KeyError(x)
        finally:
            y += 1
    except KeyError:
        pass
    return y


class Ctx:
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.swallow


def withs():
    with Ctx(False) as c:
        v = 1
    with Ctx(True):
        raise ValueError('swallowed')
    with Ctx(False), Ctx(True) as d:
        v = 2
    return v


def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got
    return 'done'


def delegate():
    r = yield from gen(2)
    yield r


def generators():
    out = list(gen(3))
    g = gen(2)
    next(g)
    out.append(g.send('x'))
    out += list(delegate())
    return out


def comprehensions(n):
    sq = [i * i for i in range(n) if i]
    d = {i: i for i in range(n)}
    s = {i for i in range(n)}
    g = sum(i for i in range(n))
    f = (lambda v: v + 1)(n)
    nested = [[j for j in range(i)] for i in range(n)]
    return sq, d, s, g, f, nested


def closures(n):
    def inner(m):
        return n + m
    acc = 0
    for i in range(2):
        acc += inner(i)
    return acc


def raiser(n):
    if n:
        return raiser(n - 1)
    x = [1]
    return x[5]


def propagates():
    try:
        raiser(2)
    except IndexError:
        return 'caught'


def multi_statement(): a = 1; b = 2; return a + b


def early_return(x):
    if x:
        return 'early'
    return 'late'


def declass():
    class K:
        a = 1
        def m(self):
            return self.a
        b = a + 1
    return K().m()


events = []


def relative(line):
    return line - FIRST if line is not None else None


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event, relative(frame.f_lineno)))
    return tracer


def show(title, fn, *args):
    events.clear()
    sys.settrace(tracer)
    try:
        result = fn(*args)
    except Exception as e:
        result = 'raised %r' % e
    sys.settrace(None)
    print('==', title, result)
    for e in events:
        print('  ', *e)


show('loops', loops, 4)
show('handlers 0', handlers, 0)
show('handlers 5', handlers, 5)
show('handlers str', handlers, 'a')
show('withs', withs)
show('generators', generators)
show('comprehensions', comprehensions, 3)
show('closures', closures, 1)
show('propagates', propagates)
show('raiser', raiser, 1)
show('multi_statement', multi_statement)
show('early_return', early_return, 1)
show('early_return', early_return, 0)
show('declass', declass)


# f_trace_lines = False on one frame: no line events there, calls still seen
def quiet():
    a = 1
    b = 2
    return a + b


def lines_off(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event, relative(frame.f_lineno)))
        if frame.f_code.co_name == 'quiet':
            frame.f_trace_lines = False
    return lines_off


def calls_quiet():
    x = quiet()
    return x


events.clear()
sys.settrace(lines_off)
calls_quiet()
sys.settrace(None)
print('== f_trace_lines False')
for e in events:
    print('  ', *e)


# a global hook that returns None for a frame: no local events there
def only_calls(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event, relative(frame.f_lineno)))
    return None


events.clear()
sys.settrace(only_calls)
calls_quiet()
sys.settrace(None)
print('== no local hook')
for e in events:
    print('  ', *e)


# f_trace_opcodes: opcode events come (how many differs: compiled code has
# no instructions), and nothing breaks
opcodes = []


def opcode_hook(frame, event, arg):
    if frame.f_code.co_name == 'quiet':
        frame.f_trace_opcodes = True
        opcodes.append(event)
    return opcode_hook


sys.settrace(opcode_hook)
r = quiet()
sys.settrace(None)
print('== opcodes', r, 'opcode' in opcodes, opcodes[0], opcodes[-1])


# tracing switched on inside a running function (as pdb.set_trace() does):
# the caller's frame gets a local hook, its next lines are seen
def start_tracing():
    sys._getframe(1).f_trace = tracer
    sys.settrace(tracer)


def traced_halfway():
    a = 1
    start_tracing()
    b = a + 1
    for i in range(2):
        b += i
    sys.settrace(None)
    return b


events.clear()
traced_halfway()
print('== traced halfway')
for e in events:
    print('  ', *e)


# a hook raising at a line event: the exception leaves that line
def bad_hook(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'victim' and \
            relative(frame.f_lineno) == VICTIM_LINE:
        raise RuntimeError('from the hook')
    return bad_hook


def victim():
    a = 1
    b = 2           # the hook raises here
    return a + b


VICTIM_LINE = victim.__code__.co_firstlineno + 2 - FIRST
sys.settrace(bad_hook)
try:
    victim()
except RuntimeError as e:
    sys.settrace(None)
    tb, where = e.__traceback__, []
    while tb:
        where.append((tb.tb_frame.f_code.co_name, relative(tb.tb_lineno)))
        tb = tb.tb_next
    print('== hook raised:', e, where)


# f_lineno while tracing is the running line, also where nothing can raise
class Noisy:
    def __del__(self):
        print('   __del__ sees line', relative(sys._getframe(1).f_lineno))


def drops():
    x = Noisy()
    y = 1
    x = None
    return y


def line_hook(frame, event, arg):
    return line_hook


sys.settrace(line_hook)
drops()
sys.settrace(None)
print('== done')
