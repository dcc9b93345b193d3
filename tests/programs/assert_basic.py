# assert: the test, the message (evaluated only on failure), AssertionError.
AssertionError = None      # the statement uses the builtin class regardless


def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x


print(check(3))
try:
    check(-1)
except BaseException as e:
    print(type(e).__name__, e.args)


def no_message():
    assert []


try:
    no_message()
except BaseException as e:
    print(type(e).__name__, e.args)


def side(msg):
    print("message evaluated")
    return msg


assert True, side("never")
try:
    assert 0, side("now")
except BaseException as e:
    print(repr(e))
