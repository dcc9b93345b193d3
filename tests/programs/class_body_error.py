# An exception raised while a class body runs: the traceback shows the
# class statement, then the body's frame (named after the class).


def helper(n):
    return 10 // n


class Config:
    debug = False
    ratio = helper(2)
    broken = helper(
        0
    )
    never = 1
