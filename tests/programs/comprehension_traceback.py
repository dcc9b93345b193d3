# An error inside a list comprehension: the <listcomp> frame shows in the
# traceback, between the caller and the failing operation.
def reciprocals(values):
    return [1 / v for v in values]

print(reciprocals([1, 2, 4]))
print(reciprocals([1, 0]))
