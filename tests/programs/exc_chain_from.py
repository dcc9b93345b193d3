# raise ... from ... inside handlers: __cause__, __suppress_context__.
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad number %r" % s) from e


def quiet(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("no context shown") from None


for f in (convert, quiet):
    try:
        f("x")
    except Exception as e:
        print(type(e).__name__, e, type(e.__cause__).__name__,
              e.__suppress_context__, type(e.__context__).__name__)

convert("y")
