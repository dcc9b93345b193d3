# return, break and continue out of with blocks call __exit__(None, None, None).
class Log:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print("enter", self.tag)
        return self

    def __exit__(self, *exc):
        print("exit", self.tag, exc)
        return False


def ret():
    with Log("ret"):
        return "returned"


def loop():
    for i in range(4):
        with Log(i):
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
    return i


print(ret())
print(loop())


def exit_raises():
    class Bad:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            raise OSError("exit failed")
    try:
        with Bad():
            return "lost"
    except OSError as e:
        return "exit error: %s" % e


print(exit_raises())
