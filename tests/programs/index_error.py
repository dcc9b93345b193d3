# IndexError from a list index computed in a loop, uncaught, with the
# subscript marked in the traceback.

def last_n(items, n):
    out = []
    i = 0
    while i < n:
        out.append(items[len(items) - 1 - i] + items[i * 3])
        i += 1
    return out


print(last_n([1, 2, 3, 4, 5, 6, 7], 2))
print(last_n([1, 2, 3], 2))
