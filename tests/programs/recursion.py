# Recursion: Fibonacci, Ackermann, towers of Hanoi, mutual recursion,
# recursive list flattening with isinstance.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


moves = []


def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def flatten(x, out):
    if isinstance(x, list):
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out


print(fib(20), ack(2, 3), is_even(30), is_odd(7))
hanoi(4, "A", "C", "B")
print(len(moves), moves[:3])
print(flatten([1, [2, [3, [4, []]], 5], [[6]]], []))
