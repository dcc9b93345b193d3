# An unexpected keyword argument passed to a compiled function, uncaught.

def scale(x, factor=2):
    return x * factor


print(scale(3), scale(3, factor=10), scale(factor=1, x=4))
print(scale(3, fator=5))
