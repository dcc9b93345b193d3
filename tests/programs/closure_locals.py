# locals(), vars() and frame.f_locals of functions with cells and frees.
import sys

def outer(p):
    c = p + 1
    def inner(q):
        w = c + q
        frame = sys._getframe()
        names = sorted(frame.f_locals)
        return w, names, sorted(locals()), frame.f_code.co_freevars
    before = sorted(locals())
    result = inner(1)
    after = sorted(vars())
    return before, result, after

print(outer(1))

def empty_cell():
    def use():
        return x
    loc = locals()
    x = 5
    return sorted(loc), sorted(locals())

print(empty_cell())
print(globals() is sys.modules[__name__].__dict__)
