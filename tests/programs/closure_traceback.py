# An exception raised inside a closure called through several frames.
def make_divider(d):
    def divide(x):
        return x // d
    return divide

def apply(fn, values):
    out = []
    for v in values:
        out.append(fn(v))
    return out

print(apply(make_divider(3), [9, 10]))
print(apply(make_divider(0), [1]))
