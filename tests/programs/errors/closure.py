# Closures (a nested function using an outer local) are refused.
def outer():
    n = 1
    def inner():
        return n
    return inner
