# trees.py — recursion over trees: an unbalanced binary search tree with
# recursive insert/search/walks, an AVL tree with rotations, expression
# trees built recursively and evaluated/simplified, and recursive
# generators for in-order traversal.
import os
import sys

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N = max(200, int(40000 * SCALE))
sys.setrecursionlimit(10000)


class Node:
    __slots__ = ("key", "left", "right", "height")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
        self.height = 1


def bst_insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = bst_insert(node.left, key)
    elif key > node.key:
        node.right = bst_insert(node.right, key)
    return node


def height(node):
    return node.height if node else 0


def fix(node):
    node.height = 1 + max(height(node.left), height(node.right))
    return node


def rotate_right(y):
    x = y.left
    y.left = x.right
    x.right = fix(y)
    return fix(x)


def rotate_left(x):
    y = x.right
    x.right = y.left
    y.left = fix(x)
    return fix(y)


def avl_insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = avl_insert(node.left, key)
    elif key > node.key:
        node.right = avl_insert(node.right, key)
    else:
        return node
    fix(node)
    balance = height(node.left) - height(node.right)
    if balance > 1:
        if key > node.left.key:
            node.left = rotate_left(node.left)
        return rotate_right(node)
    if balance < -1:
        if key < node.right.key:
            node.right = rotate_right(node.right)
        return rotate_left(node)
    return node


def depth(node):
    if node is None:
        return 0
    return 1 + max(depth(node.left), depth(node.right))


def total(node):
    if node is None:
        return 0
    return node.key + total(node.left) + total(node.right)


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)


def contains(node, key):
    while node is not None:
        if key == node.key:
            return True
        node = node.left if key < node.key else node.right
    return False


def build_expr(n, seed):
    if n <= 1:
        return ("x",) if seed % 3 == 0 else ("n", seed % 10)
    k = 1 + seed % (n - 1)
    op = "+*-"[seed % 3]
    return (op, build_expr(k, seed * 7 + 1), build_expr(n - k, seed * 13 + 5))


def evaluate(e, x):
    if e[0] == "n":
        return e[1]
    if e[0] == "x":
        return x
    a, b = evaluate(e[1], x), evaluate(e[2], x)
    if e[0] == "+":
        return a + b
    if e[0] == "-":
        return a - b
    return a * b % 1000003


def simplify(e):
    if e[0] in ("n", "x"):
        return e
    a, b = simplify(e[1]), simplify(e[2])
    if a[0] == "n" and b[0] == "n":
        return ("n", evaluate((e[0], a, b), 0))
    if e[0] == "*" and (a == ("n", 0) or b == ("n", 0)):
        return ("n", 0)
    if e[0] == "+" and a == ("n", 0):
        return b
    return (e[0], a, b)


def size(e):
    return 1 if len(e) < 3 else 1 + size(e[1]) + size(e[2])


def main():
    keys = [(i * 7919) % 100003 for i in range(N)]
    bst = None
    avl = None
    for k in keys:
        bst = bst_insert(bst, k)
        avl = avl_insert(avl, k)
    print("bst depth", depth(bst), "avl depth", depth(avl), "avl height", avl.height)
    print("totals", total(bst), total(avl))
    walk = list(inorder(avl))
    print("sorted", walk == sorted(set(keys)), walk[:5])
    print("hits", sum(contains(avl, k) for k in range(0, 100003, 7)))
    for seed in range(3):
        e = build_expr(int(3000 * SCALE) + 50, seed + 1)
        s = simplify(e)
        print("expr", size(e), size(s), [evaluate(e, x) for x in range(3)],
              [evaluate(s, x) for x in range(3)])


main()
