# Definite assignment (src/opt/bound.c): a load proved bound drops its
# UnboundLocalError test; every load below that is NOT bound on some path
# must still raise exactly as CPython does.


def show(f, *args):
    try:
        print(f.__name__, f(*args))
    except (UnboundLocalError, NameError) as e:
        print(f.__name__, type(e).__name__, e)


def cond(flag):
    if flag:
        x = 1
    return x


def both(flag):
    if flag:
        x = 1
    else:
        x = 2
    return x + x


def deleted_in_loop(n):
    x = 0
    for i in range(n):
        print("  x", x)
        if i == 1:
            del x
    return "done"


def assigned_in_loop(n):
    for i in range(n):
        y = i
    return y


def while_else(n):
    while n > 0:
        n -= 1
        if n == 5:
            found = n
            break
    else:
        found = -1
    return found


def while_else_no_else(n):
    while n > 0:
        n -= 1
        if n == 5:
            found = n
            break
    return found


def continue_skips(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        last = i
        total += last
    return total, last


def try_body(fail):
    try:
        if fail:
            raise ValueError("x")
        v = 10
    except ValueError:
        return v
    return v


def try_else(fail):
    try:
        if fail:
            raise KeyError(1)
    except KeyError:
        w = "handled"
    else:
        w = "else"
    return w


def try_finally(fail):
    try:
        if fail:
            raise IndexError(2)
        z = 3
    finally:
        print("  finally sees", "z" in dir())
    return z


def finally_deletes():
    q = 1
    try:
        q = 2
    finally:
        del q
    return q


def break_through_finally():
    r = 0
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            del r
            r = i
    return r


def break_through_finally_del():
    r = 0
    for i in range(3):
        try:
            break
        finally:
            del r
    return r


def walrus_or(a):
    if a or (b := 5):
        pass
    return b


def walrus_and(a):
    if a and (c := 7):
        return c
    return c


def ifexp(flag):
    (d := 1) if flag else 0
    return d


def handler_name():
    try:
        raise OSError("e")
    except OSError as e:
        pass
    return e


def cell_bound(x):
    def get():
        return x
    y = x * 2
    return get() + y


def cell_unbound(flag):
    if flag:
        c = 4
    def get():
        return c
    return get()


def cell_nonlocal_del():
    k = 1
    def drop():
        nonlocal k
        del k
    drop()
    return k


def param_deleted(p):
    del p
    return p


def gen(n):
    for i in range(n):
        if i == 2:
            del i
            yield "deleted"
            yield i
        yield i


def unpack_target(seq):
    try:
        a, b = seq
    except ValueError:
        pass
    return a, b


def match_capture(v):
    match v:
        case (1, y):
            pass
        case _:
            pass
    return y


def nested_loops(n):
    for i in range(n):
        for j in range(n):
            if j == 1:
                inner = j
                break
        else:
            continue
        outer = inner
    return outer


def loop_body_first_iteration(n):
    i = 0
    while i < n:
        if i > 0:
            print("  prev", prev)
        prev = i
        i += 1
    return prev


show(cond, True)
show(cond, False)
show(both, False)
show(deleted_in_loop, 3)
show(assigned_in_loop, 3)
show(assigned_in_loop, 0)
show(while_else, 10)
show(while_else, 3)
show(while_else_no_else, 10)
show(while_else_no_else, 3)
show(continue_skips, 5)
show(continue_skips, 1)
show(continue_skips, 0)
show(try_body, False)
show(try_body, True)
show(try_else, True)
show(try_else, False)
show(try_finally, False)
show(finally_deletes)
show(break_through_finally)
show(break_through_finally_del)
show(walrus_or, 1)
show(walrus_or, 0)
show(walrus_and, 1)
show(walrus_and, 0)
show(ifexp, True)
show(ifexp, False)
show(handler_name)
show(cell_bound, 3)
show(cell_unbound, True)
show(cell_unbound, False)
show(cell_nonlocal_del)
show(param_deleted, 1)
try:
    print(list(gen(4)))
except UnboundLocalError as e:
    print("gen", e)
show(unpack_target, (1, 2))
show(unpack_target, (1, 2, 3))
show(match_capture, (1, 2))
show(match_capture, (3, 2))
show(nested_loops, 3)
show(nested_loops, 1)
show(loop_body_first_iteration, 3)
show(loop_body_first_iteration, 0)
try_finally(True)
