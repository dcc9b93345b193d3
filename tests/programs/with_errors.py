# The context manager protocol's errors, and an exception raised in __exit__.
class NoEnter:
    def __exit__(self, *a):
        pass


class NoExit:
    def __enter__(self):
        print("never entered")


class EnterFails:
    def __enter__(self):
        raise ValueError("enter failed")

    def __exit__(self, *a):
        print("exit must not run")


for mgr in (NoEnter(), NoExit(), 42, EnterFails()):
    try:
        with mgr:
            print("body must not run")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        raise RuntimeError("from __exit__")


def f():
    with ExitRaises():
        1 / 0


f()
