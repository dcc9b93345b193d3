# Starred items in displays and calls: [*a, *b], (*a,), {*a}, {**d}, f(*a),
# f(**d), mixing starred and plain items.

def show(*args, **kwargs):
    print("args", args, "kwargs", sorted(kwargs.items()))


a = [1, 2]
b = (3, 4)
s = "xy"
print([*a, *b, 5], (*a,), (0, *b, *s), sorted({*a, *b, 2}))
d1 = {"p": 1}
d2 = {"q": 2, "p": 0}
print({**d1, **d2}, {"z": 9, **d1})
show(*a)
show(*a, *b, 9, *s)
show(**d1)
show(0, *b, k=1, **d2)
show(*range(3), *[], **{})
print([*"abc", *range(2)], [*{"k": 1}])
