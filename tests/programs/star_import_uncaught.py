# An uncaught error of `from m import *` (a non-str item of __all__): the
# traceback points at the whole import statement; the names before the bad
# item stay bound (atexit shows one after the traceback).
import atexit
import sys
import types

m = types.ModuleType("halfway")
m.__all__ = ["first", None]
m.first = "bound before the error"
sys.modules["halfway"] = m
atexit.register(lambda: print(globals().get("first")))
from halfway import \
    *
