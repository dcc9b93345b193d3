# def with positional parameters and defaults: defaults evaluated once at
# definition time (mutable defaults persist), None defaults, introspection
# of __name__, __qualname__, __defaults__, __code__.

counter = 0


def next_default():
    global counter
    counter += 1
    return counter


def f(a, b=next_default(), c=[]):
    c.append(a)
    return a, b, c


print(f(1))
print(f(2))
print(f(3, 30, []))
print(f(4))
print("counter", counter)


def greet(name, greeting="Hello", punct=None):
    if punct is None:
        punct = "!"
    return greeting + ", " + name + punct


print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
print(f.__name__, f.__qualname__, greet.__defaults__, greet.__code__.co_argcount)
print(greet.__code__.co_varnames[:3], f.__code__.co_name)


def no_return():
    pass


def early(x):
    if x:
        return "early"
    print("fell through")


print(no_return(), early(1), early(0))


# __defaults__ replaced after the def: binding reads the function's current
# tuple at every call (the fast binding of omitted trailing arguments too).
def shifted(a, b=1, c=2):
    return (a, b, c)


for defaults in ((10, 20), (30,), None, (7, 8, 9), ()):
    shifted.__defaults__ = defaults
    for args in ((), (0,), (0, 5), (0, 5, 6)):
        try:
            print(defaults, args, shifted(*args))
        except TypeError as e:
            print(defaults, args, 'TypeError', e)
