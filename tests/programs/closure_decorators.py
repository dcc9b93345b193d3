# Decorators are closures: wrappers, functools.wraps, decorator factories.
import functools
import inspect

def tag(label):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return label, fn(*args, **kwargs)
        return wrapper
    return decorate

@tag("sum")
def add(a: int, b: int = 2, *, scale: int = 1) -> int:
    "Add two numbers."
    return (a + b) * scale

print(add(1), add(1, 3, scale=2))
print(add.__name__, add.__qualname__, add.__doc__)
print(inspect.signature(add))
print(add.__wrapped__.__closure__ is None, len(add.__closure__))

def memo(fn):
    cache = {}
    def lookup(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    lookup.cache = cache
    return lookup

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(fib.cache))
