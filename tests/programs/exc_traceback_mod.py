# traceback module inside handlers: print_exc, format_exc, tb_lineno, f_lineno.
import sys
import traceback


def fail(n):
    if n == 0:
        raise ValueError("bottom")
    fail(n - 1)


try:
    fail(2)
except ValueError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(text.count("\n"), "lines")
    tb = sys.exc_info()[2]
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("tb lines", lines)
    print("frame line", sys._getframe().f_lineno)


def catcher():
    try:
        fail(0)
    except ValueError as e:
        return e


e = catcher()
print([fs.lineno for fs in traceback.extract_tb(e.__traceback__)])
