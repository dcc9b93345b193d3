# A lambda failing: the traceback names <lambda> with its line.
def apply(f, v):
    return f(v)

inverse = lambda x: 1 / x
print(apply(inverse, 4))
print(apply(inverse, 0))
