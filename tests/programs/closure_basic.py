# Closures: cells, free variables, nonlocal, cells passed through.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
print(add5.__code__.co_freevars, make_adder.__code__.co_cellvars)
print(make_adder.__code__.co_varnames, make_adder.__code__.co_nlocals)
print(type(add5.__closure__), len(add5.__closure__), add5.__closure__[0].cell_contents)


def counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    def peek():
        return count
    return step, peek

step, peek = counter(10)
step()
step(5)
print(peek(), step(), peek())


def passthrough():
    secret = "deep"
    def middle():
        def innermost():
            return secret
        return innermost
    return middle()

print(passthrough()())
print(passthrough.__code__.co_cellvars)


def late_binding():
    fs = []
    i = 0
    while i < 3:
        def f():
            return i
        fs.append(f)
        i += 1
    return [g() for g in fs]

print(late_binding())


def default_capture():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [g() for g in fs]

print(default_capture())


def param_cell(a, b, *rest, key=None, **opts):
    def show():
        return a, b, rest, key, opts
    a = a * 2
    return show

print(param_cell(1, 2, 3, key="k", z=1)())
print(param_cell.__code__.co_varnames, param_cell.__code__.co_cellvars)


def rebind_and_delete():
    v = 1
    def get():
        return v
    first = get()
    v = 2
    second = get()
    del v
    return first, second, get

first, second, get = rebind_and_delete()
print(first, second)
print("empty" in repr(get.__closure__[0]))
