# What the comprehension's frame looks like from inside.
import sys

def names():
    outer_local = 1
    return [sys._getframe().f_code.co_name for _ in "a"], \
           [sorted(locals()) for z in "b"], \
           [sys._getframe(1).f_code.co_name for _ in "c"], \
           [outer_local for _ in "d"]

print(names())
print([sys._getframe().f_code.co_qualname for _ in "a"])
def f():
    return [sys._getframe().f_code.co_qualname for _ in "a"]
print(f())
print({sys._getframe().f_code.co_name for _ in "a"}, {sys._getframe().f_code.co_name: 1 for _ in "a"})
