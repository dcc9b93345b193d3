# calls.py — function calls: recursion, defaults, keywords and *args.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def total(*args):
    s = 0
    for a in args:
        s += a
    return s


def main():
    print("fib(30) =", fib(30))
    acc = 0
    for i in range(500000):
        acc += scaled(i)
        acc += scaled(i, offset=1)
        acc -= total(i, 1, 2)
    print("acc =", acc)


main()
