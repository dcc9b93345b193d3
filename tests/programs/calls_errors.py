# Bad call arguments raise CPython's TypeError messages; the last one is not
# caught and ends the program with a traceback.

def two(a, b):
    return a + b


def with_default(a, b=1, *rest):
    return a, b, rest


def check(fn, *args, **kwargs):
    return fn(*args, **kwargs)


print(check(two, 1, 2))
print(check(with_default, 5))
print(check(with_default, 5, 6, 7, 8))
print(two.__code__.co_argcount, with_default.__defaults__)
print(check(two, 1, b=2))
check(two, 1, 2, b=3)
