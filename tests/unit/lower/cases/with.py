# with: enter/exit protocol as try blocks; several items; targets
def f(a, b):
    with a as (x, y), b:
        return 1
    with a:
        pass
