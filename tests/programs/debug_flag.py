# __debug__ is the running interpreter's flag (False under -O), read where
# the program uses it: tests/driver/run compares this program under
# PYTHONOPTIMIZE=1 and 2 with python3 -O too.
import sys

print("debug", __debug__, type(__debug__).__name__, sys.flags.optimize)

if __debug__:
    print("if __debug__: taken")
else:
    print("if __debug__: not taken")

if not __debug__:
    print("optimized")

n = 0
while __debug__:
    n += 1
    if n == 3:
        break
print("while __debug__ ran", n, "times")


def in_function():
    return __debug__, [__debug__ for _ in range(2)]


print("function", in_function())


class Body:
    flag = __debug__


print("class body", Body.flag)
print("lambda", (lambda: __debug__)())

try:
    assert False, "asserted"
except AssertionError as e:
    print("assert raised", e)
else:
    print("assert skipped")

x = __debug__ and "yes"
print("and", x)
