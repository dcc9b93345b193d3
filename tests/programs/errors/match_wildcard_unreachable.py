# CPython's compiler: an irrefutable alternative that is not last.
match 1:
    case _ | 2:
        pass
