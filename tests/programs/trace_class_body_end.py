# sys.settrace line events at the end of a class body (--debuggable): the
# statements 3.13 adds after the body (__static_attributes__), and 3.12's
# __classdictcell__ of a generic class, have no line of their own, so the
# class body's return event follows the last line run, with no event of
# the `if` line again (test_sys_settrace's test_implicit_return_in_class).
# pyc2c-options: --debuggable
import sys

FIRST = sys._getframe().f_lineno


def tracer(frame, event, arg):
    if frame.f_code.co_name in ('A', 'B', 'C', 'func'):
        print(frame.f_code.co_name, event, frame.f_lineno - FIRST)
    return tracer


def func():
    class A:
        if 3 < 9:
            a = 1
        else:
            a = 2

    class B:
        def method(self):
            self.x = 1
        for i in range(2):
            if i:
                y = i

    class C:
        try:
            z = 1
        except ValueError:
            z = 2
    return A.a, B.y, C.z


sys.settrace(tracer)
result = func()
sys.settrace(None)
print(result)
