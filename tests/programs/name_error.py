# NameError from a misspelled global, three calls deep, uncaught: the
# traceback shows each frame, and 3.11's "Did you mean" suggestion.

counter_value = 10


def level3():
    return counter_valu + 1


def level2():
    return level3() * 2


def level1():
    print("entering level1")
    return level2()


print(level1())
