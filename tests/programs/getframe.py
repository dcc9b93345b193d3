# sys._getframe() in compiled code: the code name, line number, caller chain
# and globals of compiled frames, as the interpreter reports them.

import sys


def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno


def inner():
    here = sys._getframe()
    print("inner:", here.f_code.co_name, here.f_lineno, here.f_back.f_code.co_name)
    print("called from", where())
    return here.f_back.f_lineno


def outer():
    line = inner()
    print("outer called inner at line", line)
    print("outer's caller:", sys._getframe(1).f_code.co_name)


outer()
print("module:", sys._getframe().f_code.co_name, where())
print(sys._getframe().f_globals is globals(), sys._getframe(0).f_code.co_filename.endswith("getframe.py"))
print(inner.__code__.co_firstlineno, outer.__code__.co_filename == inner.__code__.co_filename)
