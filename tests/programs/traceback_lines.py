# Traceback entries take their line from a per-code array read once
# (runtime/codelines.c): every site of a long function, the same site many
# times, frames whose f_lineno a trace function set, and f_lineno after a
# caught exception (it must follow the running line again).
import sys
import traceback


def fail(kind):
    if kind == 0:
        return {}["missing"]
    if kind == 1:
        return [][3]
    if kind == 2:
        return 1 / 0
    raise ValueError(kind)


def long_function(n):
    seen = []
    for i in range(n):
        try:
            fail(i % 4)
        except Exception as e:
            seen.append((type(e).__name__, [fr.lineno for fr in traceback.extract_tb(e.__traceback__)]))
        x = i * 2
        try:
            if x % 3 == 0:
                int("not a number %d" % x)
            elif x % 3 == 1:
                None.attribute
            else:
                undefined_name_here
        except Exception as e:
            seen.append((type(e).__name__, e.__traceback__.tb_lineno, e.__traceback__.tb_lasti > 0))
        line_now = sys._getframe().f_lineno
        seen.append(("f_lineno", line_now))
    return seen


for entry in long_function(12):
    print(entry)


def deep(k):
    if k == 0:
        raise KeyError("bottom")
    return deep(k - 1) + 1


try:
    deep(5)
except KeyError as e:
    print([(fr.name, fr.lineno) for fr in traceback.extract_tb(e.__traceback__)])


# under a trace function the frames' f_lineno is the tracer's
def tracer(frame, event, arg):
    return tracer


sys.settrace(tracer)
try:
    long_function(3)
    deep(2)
except KeyError as e:
    print("traced", [fr.lineno for fr in traceback.extract_tb(e.__traceback__)])
sys.settrace(None)


def uncaught():
    values = [1, 2, 3]
    total = 0
    for v in values:
        total += v
    return values[total]


uncaught()
