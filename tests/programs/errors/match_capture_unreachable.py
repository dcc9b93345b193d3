# CPython's compiler: an irrefutable case that is not last.
def f(v):
    match v:
        case x:
            pass
        case 1:
            pass
