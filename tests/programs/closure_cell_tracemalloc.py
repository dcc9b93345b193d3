# Where a function's cells are made (MAKE_CELL, before the RESUME), CPython's
# frame is "incomplete": tracemalloc, sys._getframe and tracebacks skip it.
# The traceback tracemalloc keeps of a new cell therefore starts at the
# caller's line, not at the function's def line (test_tracemalloc's
# test_no_incomplete_frames).
import tracemalloc

tracemalloc.start(4)


def where(obj):
    # this file's frames only: how a compiled program's module body is
    # started is not part of the test
    tb = tracemalloc.get_object_traceback(obj)
    return [frame.lineno for frame in tb if frame.filename == __file__]


def one_cell(x):
    def g():
        return x
    return g


def two_cells_and_a_free(a):
    b = a + 1
    def g():
        def h():
            return a + b + c
        c = 3
        return h
    return g


class WithClassCell:
    def method(self):
        return __class__


def a_generator(x):
    def g():
        return x
    yield g


def lambda_maker(n):
    return lambda: n


def main():
    print("param cell", where(one_cell(0).__closure__[0]))
    g = two_cells_and_a_free(1)
    print("first cell", where(g.__closure__[0]))
    print("second cell", where(g.__closure__[1]))
    h = g()
    print("inner cell", where(h.__closure__[2]))
    print("generator cell", where(next(a_generator(5)).__closure__[0]))
    print("lambda cell", where(lambda_maker(2).__closure__[0]))
    print("class cell", where(WithClassCell.method.__closure__[0]))
    print(h(), WithClassCell().method().__name__)


main()
