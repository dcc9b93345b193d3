# An unpacking with too many values, raised two calls deep and not caught:
# the traceback names every frame and the target line.

def split_pair(seq):
    left, right = seq
    return left + right


def total(pairs):
    s = 0
    for p in pairs:
        s += split_pair(p)
    return s


print(total([(1, 2), [3, 4]]))
print(total([(1, 2), (3, 4, 5)]))
print("not reached")
