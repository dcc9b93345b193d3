# match: where guard failures are reported (the last sub-pattern's position
# for a truth test, the comparison's own span), across multi-line patterns.
class B:
    def __lt__(self, o): raise ValueError("lt")
    def __bool__(self): raise TypeError("bool")
def f(v, w):
    match v:
        case [x,
              y] if x < w:
            return 1
def g(v):
    match v:
        case {"a": x,
              "b": y} if y:
            return 1
        case _ if v:
            return 2
for fn, args in [(f, ([B(), 1], 2)), (g, ({"a": 1, "b": B()},)), (g, (B(),))]:
    try:
        fn(*args)
    except Exception as e:
        import traceback
        traceback.print_exc()
