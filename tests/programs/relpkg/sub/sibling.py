TAG = "sibling"


def compute(n):
    return n * 7
