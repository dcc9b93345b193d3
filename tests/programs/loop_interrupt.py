# A signal handled at a while loop's back edge: the traceback names the
# position CPython's backward jump carries (the `while` line, a
# comparison's span, the `continue`).
import signal
import sys
import traceback


def on_alarm(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGALRM, on_alarm)


def interrupted(loop):
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    try:
        loop()
    except KeyboardInterrupt:
        tb = traceback.extract_tb(sys.exc_info()[2])
        where = tb[1]
        print(loop.__name__, where.lineno, repr(where.line), where.colno, where.end_colno)


def while_true():
    n = 0
    while True:
        n += 1
        x = n * 2


def while_compare():
    i = 0
    while i < 1000000000000000:
        i += 1


def while_name():
    i = 1
    while i:
        i += 1


def while_continue():
    i = 0
    while True:
        i += 1
        if i >= 0:
            continue
        i = 0


for loop in (while_true, while_compare, while_name, while_continue):
    interrupted(loop)

n = 0
signal.setitimer(signal.ITIMER_REAL, 0.01)
while True:
    n += 1
