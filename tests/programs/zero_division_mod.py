# Integer modulo by zero in a long expression: the markers single out the
# failing operation among several.

def compute(x, y, z):
    return x * 2 + (y - 3) % z + x // 1


print(compute(1, 5, 2))
print(compute(4, 5, 0))
