# A profile hook raising at a generator's yield (its return event): 3.11 ends
# the generator without its handlers; 3.12 and 3.13 raise at the yield, inside,
# so the finally block runs before the caller sees the error.
import sys, inspect
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('  finally of gen ran')
def hook(frame, event, arg):
    if event == 'return' and frame.f_code.co_name == 'gen':
        raise ValueError('x')
    return hook
g = gen()
sys.setprofile(hook)
try:
    next(g)
except ValueError as e:
    print("caught", e)
sys.setprofile(None)
print(inspect.getgeneratorstate(g))
