# Tracebacks through with blocks: the body's line once, then the handler's.
class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)


def work(d):
    with Quiet(), Quiet() as q:
        return d["missing"]


def caller():
    try:
        work({})
    except KeyError:
        raise LookupError("wrapped")


caller()
