# TypeError from unsupported operand types in a binary operation, and the
# messages of several ops printed as values first (via str of exceptions
# raised in helper calls is not possible without try, so only the last one
# fires).

def combine(a, b):
    return a + b


print(combine(1, 2), combine("a", "b"), combine([1], [2]), combine((1,), (2,)))
print(combine(1.5, True), combine(b"x", b"y"))
label = "total: "
count = 3
print(combine(label, count))
