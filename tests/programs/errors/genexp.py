def total(xs):
    return sum(x * x for x in xs)
print(total([1, 2]))
