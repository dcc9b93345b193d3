# An exception escaping a handler's body, and one escaping an else block.
def else_fails():
    try:
        x = 1
    except ValueError:
        pass
    else:
        return x + "s"


try:
    else_fails()
except TypeError as e:
    print("else error not caught by its own try:", e)


def in_handler():
    try:
        [][1]
    except IndexError as e:
        return e.missing_attribute


in_handler()
