# A call missing a required argument, made through a helper, uncaught.

def area(width, height):
    return width * height


def report(shape):
    print("area:", area(*shape))


report((3, 4))
report((5,))
