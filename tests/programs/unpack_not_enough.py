# Unpacking with too few values for a starred target, and a non-iterable:
# the first is printed, the second ends the program.

def describe(value):
    a, b, *c, d = value
    return a, b, c, d


print(describe("abcdef"))
print(describe([1, 2, 3]))
first, second = 7
