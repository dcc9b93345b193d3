# sys.settrace line events of match statements (--debuggable): a case tried
# after a failed one (pattern or guard) gives no event of the `match` line,
# as in CPython (test_patma's TestTracing); or-patterns, guards on their own
# lines, class and mapping patterns, a match in a loop, nested matches.
# pyc2c-options: --debuggable
# skip-on-python: 3.12 3.12 places a match's instructions at other lines (an or-pattern's end at the pattern's first line, a guard's jump at the guard's); compiled code gives 3.10/3.11's events there (docs/runtime.md, "Line events")
# skip-on-python: 3.13 as on 3.12: compiled code gives 3.10/3.11's line events inside a match
import sys


def trace(func, *args):
    """The line events of func's own frame, relative to its def line."""
    lines = []

    def hook(frame, event, arg):
        if event == "line" and frame.f_code is func.__code__:
            lines.append(frame.f_lineno - func.__code__.co_firstlineno)
        return hook

    sys.settrace(hook)
    try:
        func(*args)
    finally:
        sys.settrace(None)
    return lines


def commands(command):
    match command.split():
        case ["go", direction] if direction in "nesw":
            return f"go {direction}"
        case ["go", _]:
            return "no go"
        case _:
            return "default"


def no_default(command):
    match command.split():
        case ["go", direction] if direction in "nesw":
            return f"go {direction}"
        case ["go", _]:
            return "no go"


def capture_default(command):
    match command.split():
        case ["go", direction] if direction in "nesw":
            return f"go {direction}"
        case other:
            return other


def or_patterns(x):
    match x:
        case (1 |
              2 |
              3):
            return "small"
        case {"k": (4 | 5)} | [4 | 5]:
            return "four or five"
        case int(
            real=r
        ) if r > 100:
            return "big"
    return None


def guards(v, flag):
    match v:
        case [
            x
        ] if flag:
            return x
        case {"k": x} if (
            flag
        ):
            return x
        case (
            _
        ) if not flag:
            return None
    return v


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def classes(p):
    result = []
    for q in p:
        match q:
            case Point(0, 0):
                result.append("origin")
            case Point(x, 0) if x > 0:
                result.append("x axis")
            case Point(x=x, y=y):
                match y:
                    case 1:
                        result.append("row one")
                    case _:
                        result.append("elsewhere")
            case _:
                pass
    return result


for arg in ("go n", "go x", "spam"):
    print("commands", arg, trace(commands, arg))
    print("no_default", arg, trace(no_default, arg))
    print("capture_default", arg, trace(capture_default, arg))
for arg in (2, {"k": 5}, [4], 500, 50, "s"):
    print("or_patterns", arg, trace(or_patterns, arg))
for args in (([1], True), ([1], False), ({"k": 2}, True), ({"k": 2}, 0), ("s", 0)):
    print("guards", args, trace(guards, *args))
print("classes", trace(classes, [Point(0, 0), Point(3, 0), Point(-1, 0),
                                 Point(2, 1), Point(2, 2), 7]))
