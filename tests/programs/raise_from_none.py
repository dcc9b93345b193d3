# raise ... from None suppresses the context; raising an exception class
# (not an instance) instantiates it; uncaught with a message.

def check(n):
    if n < 0:
        raise ValueError
    return n


print(check(3))
err = LookupError("missing item")
print(type(err).__name__, err.args)
raise TypeError("wrong type for item") from None
