# f_lineno of a frame an exception left (PEP 626): where the last re-raise
# stood, as CPython reports it.
def lines_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
        out = []
        while t:
            out.append(t.tb_frame.f_lineno - t.tb_frame.f_code.co_firstlineno)
            t = t.tb_next
        return out


def simple():
    1/0
    pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass


def in_with():
    class M:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False
    with M():
        1/0
        pass


for f in (simple, in_except, other_except, in_named_except, in_try,
          in_finally_normal, in_finally_except, in_with):
    print(f.__name__, lines_after_raise(f))
