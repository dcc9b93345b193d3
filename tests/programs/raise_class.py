# raise of an exception class with no arguments, from a nested call.

def validate(items):
    for i in items:
        if i is None:
            raise IndexError
    return len(items)


print(validate([1, 2]))
print(validate([1, None]))
