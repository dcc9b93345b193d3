# match: errors raised while matching (subject, value, class, mapping,
# sequence, guard) and their tracebacks; match with closures and generators.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def subject_fails():
    match 1 / 0:
        case _:
            pass


def class_too_many(p):
    match p:
        case Point(1, 2, 3):
            return "no"


def bad_match_args():
    class C:
        __match_args__ = "xy"
    match C():
        case C(a):
            return a


def guard_fails(v):
    match v:
        case [x] if x.missing:
            return x


def dup_runtime():
    k1 = k2 = "same"

    class K:
        A = k1
        B = k2
    match {"same": 1}:
        case {K.A: _, K.B: _}:
            return "no"


def attr_raises():
    class Boom:
        __match_args__ = ("v",)

        @property
        def v(self):
            raise LookupError("property failed")
    match Boom():
        case Boom(1):
            return "no"


for f, args in [(subject_fails, ()), (class_too_many, (Point(1, 2),)), (bad_match_args, ()),
                (guard_fails, ([5],)), (dup_runtime, ()), (attr_raises, ())]:
    try:
        f(*args)
    except Exception as e:
        tb = e.__traceback__
        lines = []
        while tb:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(f.__name__, type(e).__name__, e, lines)


def closures(v):
    match v:
        case [a, *b]:
            return lambda: (a, b)
        case {"k": c}:
            return lambda: c


print(closures([1, 2, 3])())
print(closures({"k": "v"})())


def gen(items):
    for item in items:
        match item:
            case int(n):
                yield n * 2
            case [*xs]:
                yield from xs
            case str() as s:
                yield s.upper()


print(list(gen([1, [2, 3], "s", 4.0])))


def comprehension(values):
    out = []
    for v in values:
        match v:
            case (x, y) if x < y:
                out.append(f"{x}<{y}")
            case (x, y):
                out.append(f"{x}>={y}")
            case _:
                out.append("?")
    return out


print(comprehension([(1, 2), (3, 1), 5, [4, 4]]))


def nested_match(v):
    match v:
        case {"type": "pair", "items": [a, b]}:
            match a, b:
                case (int(), int()):
                    return "int pair"
                case _:
                    return "mixed pair"
        case {"type": t}:
            return f"type {t}"


print(nested_match({"type": "pair", "items": [1, 2]}))
print(nested_match({"type": "pair", "items": [1, "x"]}))
print(nested_match({"type": "other"}))
print(nested_match({}))


def deep(p):
    return class_too_many(p)


def deeper(p):
    return [deep(p)]


deeper(Point(1, 2))
