# exceptions.py — exceptions in hot loops: parsing mixed input with
# try/except ValueError, dict lookups falling back on KeyError, a class
# hierarchy of custom errors raised and caught by base class, try/finally
# and context managers (class-based and contextlib), exception chaining.
import contextlib
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N = max(500, int(200000 * SCALE))


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


class Invalid(AppError):
    pass


class Resource:
    opened = 0
    closed = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.closed += 1
        return exc_type is Invalid


@contextlib.contextmanager
def tracking(log, tag):
    log.append(tag)
    try:
        yield len(log)
    finally:
        log.append("/" + tag)


def parse_field(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return None


def fetch(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(404, "no key %r" % key) from None


def validate(x):
    if x % 7 == 0:
        raise Invalid(400, "multiple of seven: %d" % x)
    if x % 11 == 0:
        raise NotFound(404, "eleven: %d" % x)
    return x


def main():
    fields = [str(i) if i % 3 else ("%d.5" % i if i % 2 else "x%d" % i) for i in range(N)]
    parsed = [parse_field(f) for f in fields]
    print("ints", sum(1 for p in parsed if type(p) is int),
          "floats", sum(1 for p in parsed if type(p) is float),
          "bad", parsed.count(None))
    table = {i: i * i for i in range(0, N, 2)}
    found = missing = 0
    for i in range(N):
        try:
            found += fetch(table, i) % 10
        except NotFound as e:
            missing += e.code
    print("found", found, "missing", missing)
    counts = {}
    total = 0
    for i in range(1, N):
        try:
            with Resource("r"):
                total += validate(i)
        except AppError as e:
            counts[type(e).__name__] = counts.get(type(e).__name__, 0) + 1
        finally:
            total += 1
    print("total", total, sorted(counts.items()), Resource.opened, Resource.closed)
    log = []
    for i in range(N // 10):
        try:
            with tracking(log, "t%d" % (i % 3)) as depth:
                if i % 5 == 0:
                    raise RuntimeError(depth)
        except RuntimeError as e:
            log.append(str(e.args[0]))
    print("log", len(log), log[:7])
    chained = 0
    for i in range(N // 20):
        try:
            try:
                {}[i]
            except KeyError as e:
                raise ValueError("wrapped") from e
        except ValueError as e:
            chained += isinstance(e.__cause__, KeyError)
    print("chained", chained)


main()
