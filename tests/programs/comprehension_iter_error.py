# The first iterable is evaluated (and iter() applied) in the enclosing
# frame; a later one inside the comprehension.
def pairs(a, b):
    return {x: y for x in a for y in b}

print(pairs("ab", [1]))
print(pairs("ab", 5))
