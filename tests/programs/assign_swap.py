# `a, b = x, y` without a tuple: evaluation order, failures part-way, nesting.
class O:
    def __init__(self): self.s, self.i = "abc", 1
o = O()
a, b = 1, 2
a, b = b, a
print(a, b, o.s, o.i)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
def f(p, q):
    p, q = q, p + q
    return p, q
print(f(3, 4))
try:
    a, b = b, undefined_name
except NameError as e:
    print(e, a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
