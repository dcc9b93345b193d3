# Module globals: the global statement, functions reading and rebinding
# globals, builtins shadowed by globals and restored with del, globals().

total = 0
history = []


def add(n):
    global total
    total += n
    history.append(n)


def reset():
    global total, history
    total = 0
    history = []


def peek():
    return total, len(history)


add(5)
add(7)
print(peek(), history)
reset()
print(peek())


def len(x):
    return "shadowed"


print(len([1, 2, 3]))
del len
print(len([1, 2, 3]))


def make_global():
    global created
    created = "made inside a function"


make_global()
print(created, "created" in globals(), globals()["total"])
print(__name__ == "__main__" or __name__, type(__builtins__).__name__ in ("module", "dict"))
