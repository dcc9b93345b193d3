# warnings.warn(stacklevel=...) and logging name the compiled file, line and
# function, as under CPython.
import logging
import sys
import warnings

logging.basicConfig(stream=sys.stdout,
                    format="%(levelname)s %(module)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("demo")


def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def caller():
    deprecated()


def deep(n):
    if n:
        return deep(n - 1)
    warnings.warn("from the bottom", UserWarning, stacklevel=3)


warnings.simplefilter("always")
warnings.showwarning = lambda m, c, f, l, file=None, line=None: print(
    "warning:", c.__name__, m, f == __file__, l, line)
caller()
deep(4)
log.warning("in module")


def logs():
    log.error("in function %s", "logs")
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("with traceback")


logs()


class K:
    def method(self):
        log.warning("in method")


K().method()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated()
print([(w.category.__name__, w.lineno, w.filename == __file__) for w in caught])
