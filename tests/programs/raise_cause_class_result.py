# `raise E from C` where C is a class: C is called for the cause.  From 3.13
# on (gh-112217) a call that answers something other than an exception
# instance is a TypeError, as for the exception itself; before 3.13 the
# answer became __cause__ unchecked (None stays None).  A good class and an
# instance are unchanged on every version.


class ConstructsNone(BaseException):
    @classmethod
    def __new__(*args, **kwargs):
        return None


class ConstructsInt(Exception):
    def __new__(cls, *args):
        return 42


class ConstructsOther(Exception):
    def __new__(cls, *args):
        return KeyError("made instead")


class Fails(Exception):
    def __init__(self):
        raise RuntimeError("cause failed")


def show(cause):
    try:
        raise IndexError("raised") from cause
    except BaseException as e:
        print(type(e).__name__, str(e), repr(e.__cause__),
              e.__suppress_context__)


for cause in (ConstructsNone, ConstructsInt, ConstructsOther, Fails,
              KeyError, KeyError("instance"), None):
    show(cause)
