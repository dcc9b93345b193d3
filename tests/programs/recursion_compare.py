# Recursion without end whose every level compares: the RecursionError and
# its message are the interpreter's (3.10 counts a level in every
# comparison: "... in comparison"; 3.11 on do not).
import sys


class Node:
    def __init__(self, n):
        self.child = Node(n + 1) if n < 10 ** 9 else None


def down(n, limit):
    if n < limit and n != -1 and 0.5 < n + 1.0:
        return down(n + 1, limit)
    return n


def catch(fn, *args):
    try:
        fn(*args)
    except RecursionError as e:
        print(fn.__name__, type(e).__name__, e)


catch(Node, 0)
catch(down, 0, 10 ** 9)
sys.setrecursionlimit(500)
catch(Node, 0)
catch(down, 0, 10 ** 9)
print(down(0, 100))
