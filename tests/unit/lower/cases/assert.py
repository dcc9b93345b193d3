# assert: __debug__, the builtin AssertionError, the message only on failure
def f(x):
    assert x
    assert x < 3 and x, "msg %d" % x
