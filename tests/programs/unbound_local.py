# UnboundLocalError: a local read before assignment, and after del; the
# second is uncaught.

total = 100


def shadow(flag):
    if flag:
        total = 1
    return total


print(shadow(True))


def after_del():
    value = 5
    del value
    return value


print(shadow(False) if False else "skipping the first error")
print(after_del())
