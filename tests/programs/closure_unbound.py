# A free variable whose cell is empty: NameError with 3.11's message, and
# the traceback through the closure.
def outer():
    def inner():
        return value + 1
    result = inner
    value = 10
    del value
    return result

fn = outer()
print("calling")
fn()
