def outer(x):
    y = 1
    return [x + i for i in y]
