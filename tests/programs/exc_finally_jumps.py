# return, break and continue through finally blocks; return in finally wins.
def ret_through():
    try:
        return "from try"
    finally:
        print("finally runs before the return")


def ret_override():
    try:
        return "lost"
    finally:
        return "finally wins"


def ret_swallows():
    try:
        raise ValueError("swallowed")
    finally:
        return "exception dropped"


def loop_jumps():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out at %d" % i


def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n


def nested_finally():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")


def return_in_except():
    try:
        raise ValueError
    except ValueError:
        return "from handler"
    finally:
        print("finally after handler return")


def while_else_finally():
    i = 0
    while i < 3:
        try:
            i += 1
            if i == 2:
                continue
        finally:
            print("tick", i)
    else:
        print("while else")


print(ret_through())
print(ret_override())
print(ret_swallows())
print(loop_jumps())
print(break_in_finally())
print(continue_in_finally())
print(nested_finally())
print(return_in_except())
while_else_finally()


def value_order():
    x = [1]
    try:
        return x
    finally:
        x.append(2)


print(value_order())
