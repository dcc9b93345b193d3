# sys.settrace line events (--debuggable) of statements spread over
# several lines: 3.11 gives an event each time the running instruction's
# line changes (an operand on a later line, then the operation back at the
# statement's), and a statement whose first operand is on a later line
# starts there (`for _ in (` / `gen()` / `):` gives 2, then 1).  The first
# two cases follow CPython's test_sys_settrace.
# pyc2c-options: --debuggable
import sys


def gen():
    yield 1


def for_header():
    for _ in (
        gen()
    ):
        pass


def multi_raise():
    try:
        raise ExceptionGroup(
            'eg',
            [ValueError(5), TypeError('bad type')])
    except Exception:
        pass


def binop(a):
    x = (a +
         1)
    return x


def subscript_store(x, v):
    x[0] = (
        v)
    return (
        x)


def call_args(a, b):
    print(a,
          b,
          sep=
          '-')


def nested_calls(a):
    return len(
        str(
            a)
    )


class O:
    a = 1

    def meth(self, x):
        return x


def handler():
    try:
        raise KeyError
    except (ValueError,
            KeyError):
        pass


def method_chain(o):
    return (o
            .meth(1))


def attr(o):
    y = (o.
         a)
    return y


def boolop(a, b):
    if (a and
            b):
        return 1
    return 2


def dict_display(a):
    d = {
        'k': a,
        'j': 2,
    }
    return d


def call_kw(a):
    return dict(
        x=a,
        y=[1,
           2])


def trace(frame, event, arg):
    code = frame.f_code
    if code.co_filename == __file__ and code.co_name != 'trace':
        print('  ', code.co_name, event, frame.f_lineno - code.co_firstlineno)
    return trace


def run(f, *args):
    print(f.__name__)
    sys.settrace(trace)
    try:
        f(*args)
    except BaseException as e:
        sys.settrace(None)
        print('  raised', type(e).__name__)
    sys.settrace(None)


run(for_header)
run(multi_raise)
run(binop, 1)
run(subscript_store, [0], 2)
run(call_args, 1, 2)
run(nested_calls, 123)
run(handler)
run(method_chain, O())
run(attr, O())
run(boolop, 1, 1)
run(dict_display, 1)
run(call_kw, 1)


# A hook raising at a continuation line's event: the operands already
# evaluated are released (the object's reference count comes back), and
# the traceback names that line.
def probe(o):
    return [str(o),
            o, o]


class Boom(Exception):
    pass


def raiser(frame, event, arg):
    if (frame.f_code is probe.__code__ and event == 'line'
            and frame.f_lineno == probe.__code__.co_firstlineno + 2):
        raise Boom
    return raiser


obj = object()
before = sys.getrefcount(obj)
for i in range(3):
    sys.settrace(raiser)
    try:
        probe(obj)
    except Boom as e:
        sys.settrace(None)
        print('Boom at line', e.__traceback__.tb_next.tb_lineno - probe.__code__.co_firstlineno)
    sys.settrace(None)
print('refcount same:', sys.getrefcount(obj) == before)
