# An assignment expression in a comprehension binds in the enclosing scope
# (a cell of the enclosing function, or a global at module level).
def running(xs):
    total = 0
    sums = [total := total + x for x in xs]
    return sums, total

print(running([1, 2, 3]))
found = [last := w for w in "abc" if w != "c"]
print(found, last)

def first_long(words):
    if any([len(hit := w) > 3 for w in words]):
        return hit
    return None

print(first_long(["a", "abcd", "xyz"]))
